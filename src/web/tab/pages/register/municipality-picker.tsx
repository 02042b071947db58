// The municipality, found by typing part of its name. Municipalities that are already signed
// up are listed but cannot be chosen (a second sign-up would be refused).
import { Combobox, Field, Option, type FieldProps } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMunicipalityView } from '../../../common/api/api-types.js';

/** A municipality can be (re)registered without a sign-up, or when new dates are needed. */
export function canRegister(municipality: TMunicipalityView): boolean {
  const status = municipality.signup?.status;
  return status === undefined || status === 'nieuwe_data_nodig' || status === 'geannuleerd';
}

export interface MunicipalityPickerProps {
  readonly municipalities: readonly TMunicipalityView[];
  readonly value: string;
  readonly onChange: (cbsCode: string) => void;
  readonly validation: Pick<FieldProps, 'validationState' | 'validationMessage'>;
}

export function MunicipalityPicker(props: MunicipalityPickerProps) {
  const { t } = useTranslation();
  const selected = props.municipalities.find((m) => m.cbsCode === props.value);
  const [query, setQuery] = useState(selected?.displayName ?? '');
  const matches = useMemo(() => {
    const needle = query.trim().toLowerCase();
    // Showing the chosen name should list them all again, not just that one.
    if (needle === '' || needle === selected?.displayName.toLowerCase()) {
      return props.municipalities;
    }
    return props.municipalities.filter((m) => m.displayName.toLowerCase().includes(needle));
  }, [props.municipalities, query, selected]);

  return (
    <Field label={t('register.municipality')} required {...props.validation}>
      <Combobox
        value={query}
        selectedOptions={props.value ? [props.value] : []}
        placeholder={t('register.municipalityPlaceholder')}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_, data) => {
          setQuery(data.optionText ?? '');
          props.onChange(data.optionValue ?? '');
        }}
      >
        {matches.map((m) => {
          const isAvailable = canRegister(m);
          return (
            <Option key={m.cbsCode} value={m.cbsCode} text={m.displayName} disabled={!isAvailable}>
              {isAvailable
                ? m.displayName
                : t('register.alreadySignedUp', {
                    name: m.displayName,
                    status: t(`status.${m.signup?.status ?? 'aangemeld'}`),
                  })}
            </Option>
          );
        })}
        {matches.length === 0 && (
          <Option value="" text="" disabled>
            {t('register.noMunicipality')}
          </Option>
        )}
      </Combobox>
    </Field>
  );
}
