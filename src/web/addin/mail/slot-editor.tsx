// One preferred slot as the mail gave it: date and times on native pickers (Amsterdam time),
// the words it came from, a mark when the end time was assumed, and the API's messages at the
// field they concern.
import { Badge, Button, Field, Input, Text, type FieldProps } from '@fluentui/react-components';
import { Delete20Regular, Warning16Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { VisuallyHidden } from '../../common/components/visually-hidden.js';
import { toAmsterdamIso } from '../../common/format/amsterdam-time.js';
import { formatSlot } from '../../common/format/format-dates.js';
import { currentLanguage } from '../../common/i18n/i18n.js';
import { editSlot, type SlotDraft } from '../flows/mail-draft.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';

export interface SlotMessages {
  readonly date: readonly string[];
  readonly start: readonly string[];
  readonly end: readonly string[];
  /** About the slot as a whole ("preferences.1"). */
  readonly slot: readonly string[];
}

export interface SlotEditorProps {
  readonly index: number;
  readonly slot: SlotDraft;
  readonly messages: SlotMessages;
  readonly onChange: (slot: SlotDraft) => void;
  readonly onRemove: () => void;
}

function validation(messages: readonly string[]): Partial<FieldProps> {
  return messages.length > 0
    ? { validationState: 'error', validationMessage: messages.join(' ') }
    : {};
}

export function SlotEditor({ index, slot, messages, onChange, onRemove }: SlotEditorProps) {
  const { i18n } = useTranslation();
  const at = useAddinT();
  const styles = useAddinStyles();
  const number = index + 1;
  const start = toAmsterdamIso({ date: slot.date, time: slot.start });
  const end = toAmsterdamIso({ date: slot.date, time: slot.end });
  const preview = start && end ? formatSlot(start, end, currentLanguage(i18n)) : undefined;
  const prefix = <VisuallyHidden>{at('mail.slots.prefix', { number })}</VisuallyHidden>;
  const ids = { preview: `${slot.id}-preview`, source: `${slot.id}-source` };

  return (
    <fieldset
      className={styles.card}
      aria-describedby={[ids.preview, slot.source ? ids.source : ''].filter(Boolean).join(' ')}
    >
      <legend className={styles.legend}>{at('mail.slots.slotLegend', { number })}</legend>
      {slot.source && (
        <Text id={ids.source} size={200} className={styles.muted}>
          {at('mail.slots.source', { source: slot.source })}
        </Text>
      )}
      <Field
        label={
          <>
            {prefix}
            {at('mail.slots.date')}
          </>
        }
        {...validation(messages.date)}
      >
        <Input
          type="date"
          value={slot.date}
          onChange={(_, data) => onChange(editSlot(slot, { date: data.value }))}
        />
      </Field>
      <div className={styles.row}>
        <Field
          className={styles.grow}
          label={
            <>
              {prefix}
              {at('mail.slots.start')}
            </>
          }
          {...validation(messages.start)}
        >
          <Input
            type="time"
            step={300}
            value={slot.start}
            onChange={(_, data) => onChange(editSlot(slot, { start: data.value }))}
          />
        </Field>
        <Field
          className={styles.grow}
          label={
            <>
              {prefix}
              {at('mail.slots.end')}
            </>
          }
          {...(slot.assumedEnd ? { hint: at('mail.slots.assumedEndHint') } : {})}
          {...validation(messages.end)}
        >
          <Input
            type="time"
            step={300}
            value={slot.end}
            onChange={(_, data) => onChange(editSlot(slot, { end: data.value }))}
          />
        </Field>
      </div>
      {slot.assumedEnd && (
        <div>
          <Badge appearance="tint" color="warning" icon={<Warning16Regular />}>
            {at('mail.slots.assumedEnd')}
          </Badge>
        </div>
      )}
      <Text id={ids.preview}>
        {preview ? at('mail.slots.preview', { slot: preview }) : at('mail.slots.incomplete')}
      </Text>
      {messages.slot.length > 0 && (
        <Text role="alert" className={styles.error}>
          {messages.slot.join(' ')}
        </Text>
      )}
      <div>
        <Button appearance="subtle" size="small" icon={<Delete20Regular />} onClick={onRemove}>
          {at('mail.slots.remove', { number })}
        </Button>
      </div>
    </fieldset>
  );
}
