// Who at the municipality gets the confirmation later (the shared contact fields) (the mayor's office by default, the sender
// of the mail in the remarks), whether the municipality did the resilience scan (optional
// input, no condition) and remarks.
import { Field, Select, Textarea, type FieldProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { SCAN_STATUSES, type TScanStatus } from '../../common/api/api-types.js';
import { ContactFields as SharedContactFields } from '../../common/forms/contact-fields.js';
import type { FieldNote } from '../../common/forms/field-notes.js';
import type { MailDraft } from '../flows/mail-draft.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';

type ContactPart = Pick<
  MailDraft,
  'contactName' | 'contactEmail' | 'contactFunction' | 'scanStatus' | 'remarks'
>;

export interface ContactFieldsProps {
  readonly value: ContactPart;
  readonly onChange: (change: Partial<ContactPart>) => void;
  readonly messages: {
    readonly name: readonly string[];
    readonly function?: readonly string[];
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

const asNotes = (messages: readonly string[]): FieldNote[] =>
  messages.map((message) => ({ field: '', code: '', message, severity: 'error' }));

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
      {/* The same contact fields as the tab's register and edit forms (issue 17, item 3). */}
      <SharedContactFields
        value={{
          contactName: value.contactName,
          contactFunction: value.contactFunction ?? '',
          contactEmail: value.contactEmail,
        }}
        onChange={onChange}
        notes={{
          name: asNotes(messages.name),
          function: asNotes(messages.function ?? []),
          email: asNotes(messages.email),
        }}
        nameHint={at('mail.contact.hint')}
      />
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
