// The scan's themes (issue 14, item 3): what the municipality wants the workshop to focus on,
// from a fixed list plus free text, and the date of the scan. Used by the register and edit forms.
import { Checkbox, Field, Input, Textarea } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import {
  SCAN_THEMES,
  type TScanTheme,
  type TScanThemesInput,
} from '../../../common/api/api-types.js';
import { fieldValidation } from '../../../common/forms/field-notes.js';
import type { FieldNote, ScanInput } from './register-form.types.js';

export const EMPTY_SCAN: ScanInput = { themes: [], other: '', date: '' };

/** What the form sends: the themes in the list's order, the text trimmed, no date as null. */
export function toScanRequest(scan: ScanInput): TScanThemesInput {
  return {
    themes: SCAN_THEMES.filter((theme) => scan.themes.includes(theme)),
    other: scan.other.trim(),
    scanDate: scan.date === '' ? null : scan.date,
  };
}

export function isEmptyScan(scan: ScanInput | undefined): boolean {
  return !scan || (scan.themes.length === 0 && scan.other.trim() === '' && scan.date === '');
}

export function ScanThemesFields(props: {
  readonly value: ScanInput;
  readonly notes: readonly FieldNote[];
  readonly onChange: (value: ScanInput) => void;
}) {
  const { t } = useTranslation();
  const { value, notes, onChange } = props;
  const at = (field: string) => notes.filter((note) => note.field.startsWith(field));
  const toggle = (theme: TScanTheme, checked: boolean) =>
    onChange({
      ...value,
      themes: checked ? [...value.themes, theme] : value.themes.filter((t) => t !== theme),
    });
  return (
    <>
      <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
        <legend>{t('register.scanThemes.label')}</legend>
        <p style={{ margin: '0 0 4px' }}>{t('register.scanThemes.hint')}</p>
        {SCAN_THEMES.map((theme) => (
          <Checkbox
            key={theme}
            label={t(`scanTheme.${theme}`)}
            checked={value.themes.includes(theme)}
            onChange={(_, d) => toggle(theme, d.checked === true)}
          />
        ))}
      </fieldset>
      <Field label={t('register.scanThemes.other')} {...fieldValidation(at('scan.other'))}>
        <Textarea
          value={value.other}
          resize="vertical"
          maxLength={500}
          onChange={(_, d) => onChange({ ...value, other: d.value })}
        />
      </Field>
      <Field label={t('register.scanThemes.date')} {...fieldValidation(at('scan.scanDate'))}>
        <Input
          type="date"
          value={value.date}
          onChange={(_, d) => onChange({ ...value, date: d.value })}
        />
      </Field>
    </>
  );
}
