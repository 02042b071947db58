// Messages at a field, for the tab's and the add-in's forms alike: Fluent's validation message (linked to the control with
// aria-describedby) for one field, or a list for a group such as one preferred slot.
import { Text, makeStyles, tokens, type FieldProps } from '@fluentui/react-components';
import { ErrorCircle20Regular, Warning20Regular } from '@fluentui/react-icons';
import type { TFieldMessage } from '../api/api-types.js';

/** A message at a field: the API's errors (422/400) and warnings (201), or the form's own. */
export interface FieldNote extends TFieldMessage {
  readonly severity: 'error' | 'warning';
}

/** Props for a Fluent Field: the worst state, every message joined. */
export function fieldValidation(
  notes: readonly FieldNote[],
): Pick<FieldProps, 'validationState' | 'validationMessage'> {
  if (notes.length === 0) return {};
  const isError = notes.some((note) => note.severity === 'error');
  return {
    validationState: isError ? 'error' : 'warning',
    validationMessage: notes.map((note) => note.message).join(' '),
  };
}

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export function GroupNotes(props: { id: string; notes: readonly FieldNote[] }) {
  const styles = useStyles();
  if (props.notes.length === 0) return null;
  return (
    <ul id={props.id} className={styles.list}>
      {props.notes.map((note) => (
        <li key={`${note.field}-${note.code}`} className={styles.item}>
          <span className={styles[note.severity]} aria-hidden="true">
            {note.severity === 'error' ? <ErrorCircle20Regular /> : <Warning20Regular />}
          </span>
          <Text>{note.message}</Text>
        </li>
      ))}
    </ul>
  );
}
