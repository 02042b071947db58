// Who at the municipality gets the confirmation later (the mayor's office by default, the sender
// of the mail in the remarks), whether the municipality did the resilience scan (optional
// input, no condition) and remarks.
import { Field, Input, Select, Textarea, type FieldProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { SCAN_STATUSES, type TScanStatus } from '../../common/api/api-types.js';
import type { MailDraft } from '../flows/mail-draft.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';

type ContactPart = Pick<MailDraft, 'contactName' | 'contactEmail' | 'scanStatus' | 'remarks'>;

export interface ContactFieldsProps {
  readonly value: ContactPart;
  readonly onChange: (change: Partial<ContactPart>) => void;
  readonly messages: {
    readonly name: readonly string[];
    readonly email: readonly string[];
    readonly scan: readonly string[];
    readonly remarks?: readonly string[];
  };
}

function validation(messages: readonly string[]): Partial<FieldProps> {
  return messages.length > 0
    ? { validationState: 'error', validationMessage: messages.join(' ') }
    : {};
}

function isScanStatus(value: string): value is TScanStatus {
  return (SCAN_STATUSES as readonly string[]).includes(value);
}

export function ContactFields({ value, onChange, messages }: ContactFieldsProps) {
  const { t } = useTranslation();
  const at = useAddinT();
  const styles = useAddinStyles();
  return (
    <fieldset className={styles.section}>
      <legend className={styles.legend}>{at('mail.contact.legend')}</legend>
      <Field
        label={at('mail.contact.name')}
        required
        hint={at('mail.contact.hint')}
        {...validation(messages.name)}
      >
        <Input
          value={value.contactName}
          onChange={(_, data) => onChange({ contactName: data.value })}
        />
      </Field>
      <Field label={at('mail.contact.email')} required {...validation(messages.email)}>
        <Input
          type="email"
          value={value.contactEmail}
          onChange={(_, data) => onChange({ contactEmail: data.value })}
        />
      </Field>
      <Field label={at('mail.contact.scan')} {...validation(messages.scan)}>
        <Select
          value={value.scanStatus}
          onChange={(_, data) => {
            if (isScanStatus(data.value)) onChange({ scanStatus: data.value });
          }}
        >
          {SCAN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`scan.${status}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={at('mail.contact.remarks')} {...validation(messages.remarks ?? [])}>
        <Textarea
          value={value.remarks}
          resize="vertical"
          onChange={(_, data) => onChange({ remarks: data.value })}
        />
      </Field>
    </fieldset>
  );
}
