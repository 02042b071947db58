// The preferred slots of a sign-up, one SlotFieldset each: shared by the register form and the
// edit form ("Wijzigen", "Andere data"), so both show and change the slots the same way.
import type { FieldNote, SlotInput } from './register-form.types.js';
import { SlotFieldset } from './slot-fieldset.js';

export interface SlotFieldsProps {
  readonly slots: readonly SlotInput[];
  readonly notes: readonly FieldNote[];
  readonly window: { readonly start: string; readonly end: string };
  readonly defaultDurationMinutes: number;
  readonly onChange: (slots: readonly SlotInput[]) => void;
}

export function SlotFields(props: SlotFieldsProps) {
  return (
    <>
      {props.slots.map((slot, index) => (
        <SlotFieldset
          key={index}
          index={index}
          slot={slot}
          notes={props.notes}
          window={props.window}
          defaultDurationMinutes={props.defaultDurationMinutes}
          onChange={(next) => props.onChange(props.slots.map((s, i) => (i === index ? next : s)))}
        />
      ))}
    </>
  );
}
