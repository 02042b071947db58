// One preferred slot: a date and two times on native pickers styled by Fluent, in Amsterdam
// time, with the slot written out in words below it ("dinsdag 14 juni 2022, 19.30–22.30 uur")
// and the API's messages at the field they concern.
import { Field, Input, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { addMinutesToTime, toAmsterdamIso } from '../../../common/format/amsterdam-time.js';
import { formatSlot } from '../../../common/format/format-dates.js';
import { VisuallyHidden } from '../../../common/components/visually-hidden.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { GroupNotes, fieldValidation } from '../../../common/forms/field-notes.js';
import type { FieldNote, SlotInput } from './register-form.types.js';
import { notesAt } from './register-model.js';
import { useRegisterStyles } from './use-register-styles.js';

export interface SlotFieldsetProps {
  readonly index: number;
  readonly slot: SlotInput;
  readonly notes: readonly FieldNote[];
  readonly window: { readonly start: string; readonly end: string };
  readonly defaultDurationMinutes: number;
  readonly onChange: (slot: SlotInput) => void;
}

export function SlotFieldset(props: SlotFieldsetProps) {
  const { t, i18n } = useTranslation();
  const styles = useRegisterStyles();
  const { index, slot } = props;
  const number = index + 1;
  const prefix = <VisuallyHidden>{t('register.slot.prefix', { number })}</VisuallyHidden>;
  const start = toAmsterdamIso({ date: slot.date, time: slot.start });
  const end = toAmsterdamIso({ date: slot.date, time: slot.end });
  const preview = start && end ? formatSlot(start, end, currentLanguage(i18n)) : undefined;
  const groupNotes = notesAt(props.notes, `preferences.${index}`);
  const previewId = `slot-${index}-preview`;
  const notesId = `slot-${index}-notes`;

  return (
    <fieldset
      className={styles.section}
      aria-describedby={[previewId, groupNotes.length > 0 ? notesId : ''].filter(Boolean).join(' ')}
    >
      <legend className={styles.legend}>
        {index === 0 ? t('register.slot.firstLegend') : t('register.slot.legend', { number })}
      </legend>
      <div className={styles.row}>
        <Field
          label={
            <>
              {prefix}
              {t('register.slot.date')}
            </>
          }
          {...fieldValidation(notesAt(props.notes, `preferences.${index}.date`))}
        >
          <Input
            type="date"
            value={slot.date}
            min={props.window.start}
            max={props.window.end}
            onChange={(_, d) => props.onChange({ ...slot, date: d.value })}
          />
        </Field>
        <Field
          label={
            <>
              {prefix}
              {t('register.slot.start')}
            </>
          }
          {...fieldValidation(notesAt(props.notes, `preferences.${index}.start`))}
        >
          <Input
            type="time"
            step={300}
            value={slot.start}
            onChange={(_, d) => {
              // A new start with no end yet: the campaign's usual length (three hours).
              const end =
                slot.end === ''
                  ? (addMinutesToTime(d.value, props.defaultDurationMinutes) ?? '')
                  : slot.end;
              props.onChange({ ...slot, start: d.value, end });
            }}
          />
        </Field>
        <Field
          label={
            <>
              {prefix}
              {t('register.slot.end')}
            </>
          }
          {...fieldValidation(notesAt(props.notes, `preferences.${index}.end`))}
        >
          <Input
            type="time"
            step={300}
            value={slot.end}
            onChange={(_, d) => props.onChange({ ...slot, end: d.value })}
          />
        </Field>
      </div>
      <Text id={previewId} className={styles.preview}>
        {preview ? t('register.slot.preview', { slot: preview }) : t('register.slot.empty')}
      </Text>
      <GroupNotes id={notesId} notes={groupNotes} />
    </fieldset>
  );
}
