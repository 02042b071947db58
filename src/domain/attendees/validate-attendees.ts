// Validates an attendee list however it was entered (pasted, uploaded, typed): every row on its own,
// then the list as a whole (duplicate names, one side per party, the size limits). With any error
// the list has no attendees (`attendees: null`): nothing is taken over until the griffie's list is
// right, and every problem is reported at once, per row, in Dutch.
import { type AttendeeIssue, createAttendeeIssue } from './messages.js';
import {
  ATTENDEE_LIMITS,
  type Attendee,
  type AttendeeInput,
  type AttendeeRole,
  PARTY_ROLES,
  type Side,
} from './types.js';
import { nameKey, partyKey, readRole, readSide, tidy } from './vocabulary.js';

/** How one row was read: the raw input, the attendee it became (if it is valid) and its issues. */
export interface AttendeeRowReading {
  readonly row: number;
  readonly input: AttendeeInput;
  readonly attendee: Attendee | null;
  readonly issues: readonly AttendeeIssue[];
}

export interface AttendeeValidation {
  readonly rows: readonly AttendeeRowReading[];
  /** Every issue, row issues included, in row order; list-level issues first. */
  readonly issues: readonly AttendeeIssue[];
  /** The attendees when there is no error, else `null`: a list with errors is not taken over. */
  readonly attendees: readonly Attendee[] | null;
}

interface Draft {
  readonly input: AttendeeInput;
  readonly issues: AttendeeIssue[];
  name: string;
  party: string | null;
  /** As the row says; `null` when the value is no side (an error). */
  side: Side | null;
  role: AttendeeRole | null;
}

export function isBlankInput(input: AttendeeInput): boolean {
  return [input.name, input.party, input.side, input.role].every((value) => tidy(value) === '');
}

/** Validates the rows; blank rows are left out (a list copied from Excel often has some). */
export function validateAttendees(inputs: readonly AttendeeInput[]): AttendeeValidation {
  const drafts = inputs.filter((input) => !isBlankInput(input)).map(readRow);
  const listIssues: AttendeeIssue[] = [];
  markDuplicates(drafts);
  const parties = settleParties(drafts, listIssues);
  if (drafts.length < ATTENDEE_LIMITS.minAttendees) {
    listIssues.push(createAttendeeIssue('NO_ATTENDEES', '', {}));
  } else if (drafts.length > ATTENDEE_LIMITS.maxAttendees) {
    listIssues.push(
      createAttendeeIssue('TOO_MANY_ATTENDEES', '', {
        count: drafts.length,
        max: ATTENDEE_LIMITS.maxAttendees,
      }),
    );
  }
  const rows = drafts.map((draft) => toReading(draft, parties));
  const issues = [...listIssues, ...rows.flatMap((row) => row.issues)];
  const hasError = issues.some((issue) => issue.severity === 'error');
  const attendees = hasError ? null : rows.map((row) => row.attendee).filter(isAttendee);
  return { rows, issues, attendees };
}

function isAttendee(value: Attendee | null): value is Attendee {
  return value !== null;
}

function readRow(input: AttendeeInput): Draft {
  const issues: AttendeeIssue[] = [];
  const { row } = input;
  const name = tidy(input.name);
  if (name === '') issues.push(createAttendeeIssue('NAME_REQUIRED', 'name', { row }));
  else if (name.length > ATTENDEE_LIMITS.maxNameLength) {
    issues.push(
      createAttendeeIssue('NAME_TOO_LONG', 'name', { row, max: ATTENDEE_LIMITS.maxNameLength }),
    );
  }
  const role = readRole(input.role);
  if (role === null) {
    issues.push(createAttendeeIssue('ROLE_INVALID', 'role', { row, value: tidy(input.role) }));
  }
  const partyText = tidy(input.party);
  const party = partyText === '' ? null : partyText;
  if (party === null && role !== null && PARTY_ROLES.has(role)) {
    issues.push(createAttendeeIssue('PARTY_REQUIRED', 'party', { row, name: name || '?', role }));
  } else if (party !== null && party.length > ATTENDEE_LIMITS.maxPartyLength) {
    issues.push(
      createAttendeeIssue('PARTY_TOO_LONG', 'party', { row, max: ATTENDEE_LIMITS.maxPartyLength }),
    );
  }
  const side = readSide(input.side);
  if (side === null) {
    issues.push(createAttendeeIssue('SIDE_INVALID', 'side', { row, value: tidy(input.side) }));
  }
  return { input, issues, name, party, side, role };
}

function markDuplicates(drafts: readonly Draft[]): void {
  const firstRow = new Map<string, number>();
  for (const draft of drafts) {
    if (draft.name === '') continue;
    const key = nameKey(draft.name);
    const other = firstRow.get(key);
    if (other === undefined) firstRow.set(key, draft.input.row);
    else {
      draft.issues.push(
        createAttendeeIssue('NAME_DUPLICATE', 'name', {
          row: draft.input.row,
          name: draft.name,
          otherRow: other,
        }),
      );
    }
  }
}

interface PartyFacts {
  /** The party as first written in the list; every other spelling is shown like this. */
  readonly spelling: string;
  side: Side;
}

/**
 * One spelling and one side per party. A side written on any row holds for the whole party; a
 * wethouder's party is in the coalition unless the list says otherwise. Two different sides for one
 * party is an error on the later row.
 */
function settleParties(drafts: readonly Draft[], issues: AttendeeIssue[]): Map<string, PartyFacts> {
  const parties = new Map<string, PartyFacts>();
  const sideRow = new Map<string, number>();
  for (const draft of drafts) {
    if (draft.party === null) continue;
    const key = partyKey(draft.party);
    const facts = parties.get(key) ?? { spelling: draft.party, side: 'onbekend' };
    parties.set(key, facts);
    if (draft.side !== 'coalitie' && draft.side !== 'oppositie') continue;
    const otherRow = sideRow.get(key);
    if (otherRow === undefined) {
      facts.side = draft.side;
      sideRow.set(key, draft.input.row);
    } else if (facts.side !== draft.side) {
      draft.issues.push(
        createAttendeeIssue('PARTY_SIDE_CONFLICT', 'side', {
          row: draft.input.row,
          party: facts.spelling,
          side: draft.side,
          otherRow,
        }),
      );
    }
  }
  for (const draft of drafts) {
    if (draft.party === null || draft.role !== 'wethouder') continue;
    const facts = parties.get(partyKey(draft.party));
    if (facts !== undefined && facts.side === 'onbekend') facts.side = 'coalitie';
  }
  for (const facts of parties.values()) {
    if (facts.side === 'onbekend') {
      issues.push(createAttendeeIssue('PARTY_SIDE_UNKNOWN', 'side', { party: facts.spelling }));
    }
  }
  return parties;
}

function toReading(draft: Draft, parties: ReadonlyMap<string, PartyFacts>): AttendeeRowReading {
  const { input, issues, name, party, side, role } = draft;
  const hasError = issues.some((issue) => issue.severity === 'error');
  if (hasError || side === null || role === null) {
    return { row: input.row, input, attendee: null, issues };
  }
  const facts = party === null ? undefined : parties.get(partyKey(party));
  const attendee: Attendee = {
    name,
    party: facts?.spelling ?? null,
    side: facts?.side ?? side,
    role,
  };
  return { row: input.row, input, attendee, issues };
}
