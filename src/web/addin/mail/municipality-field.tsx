// The municipality the mail is from: preselected when the API recognised it, corrected by typing
// part of a name. Only the user's own RIEC's municipalities are offered (listMunicipalities).
import {
  Combobox,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMunicipalityView } from '../../common/api/api-types.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { tabUrl } from '../shell/addin-urls.js';

/** A sign-up that a new one would collide with (the API refuses a second one). */
export function blockingSignup(municipality: TMunicipalityView | undefined) {
  const signup = municipality?.signup;
  if (!signup) return undefined;
  return signup.status === 'nieuwe_data_nodig' || signup.status === 'geannuleerd'
    ? undefined
    : signup;
}

export interface MunicipalityFieldProps {
  readonly municipalities: readonly TMunicipalityView[];
  /** What the API found in the mail (may be another RIEC's municipality). */
  readonly extracted: { readonly name: string; readonly cbsCode: string } | null;
  readonly value: string;
  readonly onChange: (cbsCode: string) => void;
  readonly messages: readonly string[];
}

export function MunicipalityField(props: MunicipalityFieldProps) {
  const { t } = useTranslation();
  const at = useAddinT();
  const selected = props.municipalities.find((m) => m.cbsCode === props.value);
  const [query, setQuery] = useState(selected?.displayName ?? '');
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    // With the chosen name in the box the whole list is shown again, not just that one.
    if (needle === '' || needle === selected?.displayName.toLowerCase())
      return props.municipalities;
    return props.municipalities.filter((m) => m.displayName.toLowerCase().includes(needle));
  }, [props.municipalities, query, selected]);

  const isExtractedOwn =
    props.extracted !== null &&
    props.municipalities.some((m) => m.cbsCode === props.extracted?.cbsCode);
  let hint: string;
  if (props.extracted === null) hint = at('mail.municipality.notRecognised');
  else if (!isExtractedOwn) hint = at('mail.municipality.notYours', { name: props.extracted.name });
  else hint = at('mail.municipality.recognised', { name: props.extracted.name });
  const blocking = blockingSignup(selected);

  return (
    <>
      <Field
        label={at('mail.municipality.label')}
        required
        hint={hint}
        {...(props.messages.length > 0
          ? { validationState: 'error' as const, validationMessage: props.messages.join(' ') }
          : {})}
      >
        <Combobox
          value={query}
          selectedOptions={props.value ? [props.value] : []}
          placeholder={at('mail.municipality.placeholder')}
          onChange={(event) => setQuery(event.target.value)}
          onOptionSelect={(_, data) => {
            setQuery(data.optionText ?? '');
            props.onChange(data.optionValue ?? '');
          }}
        >
          {matches.map((m) => (
            <Option key={m.cbsCode} value={m.cbsCode} text={m.displayName}>
              {m.signup
                ? at('mail.municipality.signedUp', {
                    name: m.displayName,
                    status: t(`status.${m.signup.status}`),
                  })
                : m.displayName}
            </Option>
          ))}
          {matches.length === 0 && (
            <Option value="" text="" disabled>
              {at('mail.municipality.none')}
            </Option>
          )}
        </Combobox>
      </Field>
      {selected && blocking && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {at('mail.municipality.alreadySignedUp', {
              name: selected.displayName,
              status: t(`status.${blocking.status}`),
            })}{' '}
            <Link href={tabUrl(blocking.id)} target="_blank" rel="noreferrer">
              {at('mail.result.openTab')}
            </Link>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
