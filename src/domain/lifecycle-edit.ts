// Editing a sign-up in place (issue 18, item 2): the contact, the scan, the remarks and, while
// nothing is placed, the preferred slots. The status stays; one log line says what changed.
import { SCAN_LABELS, SCAN_THEME_LABELS } from '../contract/labels.js';
import {
  describePreferences,
  fail,
  isInStatus,
  rejectCommand,
  transitionTo,
} from './lifecycle-effects.js';
import type { EditCommand, TransitionResult } from './lifecycle-types.js';
import type { ScanThemes, Signup, Slot } from './signup.js';
import { isEmptyScanThemes } from './signup-validation.js';
import { instantMillis } from './time.js';

export function isSameSlots(a: readonly Slot[], b: readonly Slot[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (slot, i) =>
        instantMillis(slot.start) === instantMillis(b[i]?.start ?? '') &&
        instantMillis(slot.end) === instantMillis(b[i]?.end ?? ''),
    )
  );
}

/** The scan's themes and date in a log line: "(leeg)" or "integriteit, vastgoed, "…"; 2026-03-01". */
function describeScan(scan: ScanThemes | undefined): string {
  if (!scan || isEmptyScanThemes(scan)) return '(leeg)';
  const themes = [
    ...scan.themes.map((theme) => SCAN_THEME_LABELS.nl[theme].toLowerCase()),
    ...(scan.other === '' ? [] : [quoted(scan.other)]),
  ];
  return `${themes.length === 0 ? 'geen thema’s' : themes.join(', ')}; ${scan.scanDate ?? 'datum onbekend'}`;
}

const quoted = (text: string) => (text === '' ? '(leeg)' : `"${text}"`);

export function editSignup(state: Signup, command: EditCommand, now: Date): TransitionResult {
  if (!isInStatus(state, 'aangemeld', 'opties_geplaatst', 'bevestigd', 'nieuwe_data_nodig')) {
    return rejectCommand(state, command);
  }
  const { contact, scanStatus, scan, remarks, preferences } = command.changes;
  const changes: string[] = [];
  let next: Signup = state;
  if (contact && contact.name !== state.contact.name) {
    changes.push(`contactpersoon ${quoted(state.contact.name)} → ${quoted(contact.name)}`);
  }
  if (contact && contact.email.toLowerCase() !== state.contact.email.toLowerCase()) {
    changes.push(`e-mailadres ${state.contact.email} → ${contact.email}`);
  }
  // A contact without a function keeps the stored one; an empty one clears it (the edit form sends it).
  const functionBefore = state.contact.function ?? '';
  const functionAfter = contact?.function ?? functionBefore;
  if (contact && functionAfter !== functionBefore) {
    changes.push(`functie ${quoted(functionBefore)} → ${quoted(functionAfter)}`);
  }
  if (
    contact &&
    (contact.name !== state.contact.name ||
      contact.email !== state.contact.email ||
      functionAfter !== functionBefore)
  ) {
    next = {
      ...next,
      contact: {
        name: contact.name,
        email: contact.email,
        ...(functionAfter !== '' ? { function: functionAfter } : {}),
      },
    };
  }
  if (scanStatus !== undefined && scanStatus !== state.scanStatus) {
    changes.push(
      `weerbaarheidsscan ${SCAN_LABELS.nl[state.scanStatus].toLowerCase()} → ${SCAN_LABELS.nl[scanStatus].toLowerCase()}`,
    );
    next = { ...next, scanStatus };
  }
  if (scan !== undefined && describeScan(scan) !== describeScan(state.scan)) {
    changes.push(`scan ${describeScan(state.scan)} → ${describeScan(scan)}`);
    const { scan: _previous, ...rest } = next;
    next = isEmptyScanThemes(scan) ? rest : { ...rest, scan };
  }
  if (remarks !== undefined && remarks !== state.remarks) {
    changes.push(`opmerkingen ${quoted(state.remarks)} → ${quoted(remarks)}`);
    next = { ...next, remarks };
  }
  if (preferences && !isSameSlots(preferences, state.preferences)) {
    // Once holds exist the slots are what the trainers were asked: new dates release them first.
    if (!isInStatus(state, 'aangemeld')) {
      return fail('PREFERENCES_LOCKED', 'preferences', { status: state.status });
    }
    changes.push(`voorkeuren: ${describePreferences(preferences)}`);
    next = { ...next, preferences };
  }
  if (changes.length === 0) return { ok: true, state, effects: [] };
  return transitionTo(next, state.status, command.by, now, `Gewijzigd: ${changes.join('; ')}.`);
}
