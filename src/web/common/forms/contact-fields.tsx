// The contact at the municipality as every sign-up form asks it (issue 17, item 3; issue 18):
// the name, the function apart from the name (the salutation uses both) and the address the
// invitation goes to. One component for the tab's register and edit forms and the add-in's mail
// form; each host gives only its frame (legend, hint, the address it suggests).
import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { fieldValidation, type FieldNote } from './field-notes.js';

export interface ContactValue {
  readonly contactName: string;
  readonly contactFunction: string;
  readonly contactEmail: string;
}

export interface ContactFieldsProps {
  readonly value: ContactValue;
  readonly onChange: (change: Partial<ContactValue>) => void;
  /** The messages at each field (errors of the contract's schema or the API, warnings). */
  readonly notes: {
    readonly name: readonly FieldNote[];
    readonly function: readonly FieldNote[];
    readonly email: readonly FieldNote[];
  };
  /** Who gets the invitation, in the host's words. */
  readonly nameHint?: string;
  /** The address the host suggests (the mayor's office of the chosen municipality). */
  readonly emailPlaceholder?: string;
}

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
});

export function ContactFields(props: ContactFieldsProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { value, onChange, notes } = props;
  return (
    <div className={styles.row} data-shared-form="contact">
      <Field
        label={t('register.contactName')}
        {...(props.nameHint ? { hint: props.nameHint } : {})}
        required
        {...fieldValidation(notes.name)}
      >
        <Input
          value={value.contactName}
          autoComplete="name"
          onChange={(_, d) => onChange({ contactName: d.value })}
        />
      </Field>
      <Field
        label={t('register.contactFunction')}
        hint={t('register.contactFunctionHint')}
        {...fieldValidation(notes.function)}
      >
        <Input
          value={value.contactFunction}
          autoComplete="organization-title"
          onChange={(_, d) => onChange({ contactFunction: d.value })}
        />
      </Field>
      <Field label={t('register.contactEmail')} required {...fieldValidation(notes.email)}>
        <Input
          type="email"
          value={value.contactEmail}
          autoComplete="email"
          {...(props.emailPlaceholder ? { placeholder: props.emailPlaceholder } : {})}
          onChange={(_, d) => onChange({ contactEmail: d.value })}
        />
      </Field>
    </div>
  );
}
