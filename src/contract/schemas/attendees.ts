// The attendee list and breakout groups of one confirmed workshop (issue 14): what the preview
// shows, what is stored (on the workshop's event in the organizer's calendar, never in a list or
// a log) and the groups the mixer made. Names and parties are special category data (AVG art. 9):
// these schemas are used only by the attendee operations, which only the RIEC's account holder
// and the workshop's two trainers may call.
import * as z from 'zod/mini';
import { SCAN_THEMES } from '../lists.js';
import { described, ZPlainDate, ZSlotView, ZTrainerView } from './common.js';

export const ATTENDEE_SIDES = ['coalitie', 'oppositie', 'onbekend'] as const;
export type AttendeeSide = (typeof ATTENDEE_SIDES)[number];
export const ATTENDEE_ROLES = [
  'raadslid',
  'burgerlid',
  'wethouder',
  'burgemeester',
  'griffier',
  'anders',
] as const;
export type AttendeeRoleCode = (typeof ATTENDEE_ROLES)[number];

/** Where a list comes from: pasted rows (tab-separated) or a typed CSV, or an uploaded file. */
export const ZAttendeeSource = z.union([
  z.strictObject({
    kind: z.literal('text'),
    text: described(z.string().check(z.maxLength(60_000)), 'Geplakte rijen uit Excel of CSV'),
  }),
  z.strictObject({
    kind: z.literal('file'),
    fileName: z.string().check(z.maxLength(255)),
    contentBase64: described(
      z.string().check(z.maxLength(60_000)),
      'Het bestand (.xlsx of .csv), base64',
    ),
  }),
]);
export type TAttendeeSource = z.input<typeof ZAttendeeSource>;

export const ZAttendeeView = z.object({
  /** Stable within the stored list: `p1`, `p2`, … */
  id: z.string(),
  name: z.string(),
  party: z.nullable(z.string()),
  side: z.enum(ATTENDEE_SIDES),
  role: z.enum(ATTENDEE_ROLES),
});
export type TAttendeeView = z.infer<typeof ZAttendeeView>;

export const ZAttendeeIssueView = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  row: z.nullable(z.int()),
  field: z.string(),
  message: described(z.string(), 'In de taal van de gebruiker (Accept-Language)'),
});
export type TAttendeeIssueView = z.infer<typeof ZAttendeeIssueView>;

export const ZAttendeePreview = z.object({
  headerRow: z.nullable(z.int()),
  columns: z.array(
    z.object({ index: z.int(), header: z.string(), meaning: z.nullable(z.string()) }),
  ),
  rows: z.array(
    z.object({
      row: z.int(),
      name: z.string(),
      party: z.string(),
      side: z.string(),
      role: z.string(),
      isValid: z.boolean(),
    }),
  ),
  issues: z.array(ZAttendeeIssueView),
  /** The attendees as they would be stored; `null` when there is an error. */
  attendees: z.nullable(z.array(ZAttendeeView)),
});
export type TAttendeePreview = z.infer<typeof ZAttendeePreview>;

export const ZGroupScoreView = z.object({
  size: z.int(),
  coalitie: z.int(),
  oppositie: z.int(),
  onbekend: z.int(),
  idealCoalitie: z.number(),
  deviation: z.number(),
  parties: z.array(z.object({ party: z.nullable(z.string()), count: z.int(), cap: z.int() })),
});

export const ZGroupsView = z.object({
  seed: z.int(),
  groups: z.array(
    z.object({ number: z.int(), members: z.array(z.string()), score: ZGroupScoreView }),
  ),
  outside: z.array(z.string()),
  score: z.object({
    deviation: z.number(),
    lowerBound: z.number(),
    verdict: z.enum(['optimaal', 'binnen-een', 'verder']),
    rulesHold: z.boolean(),
    roomShare: z.number(),
  }),
  notes: z.array(z.string()),
});
export type TGroupsView = z.infer<typeof ZGroupsView>;

export { SCAN_THEMES, type ScanTheme } from '../lists.js';

export const ZScanThemes = z.object({
  themes: z.array(z.enum(SCAN_THEMES)),
  other: described(z.string().check(z.maxLength(500)), 'Andere thema’s, vrije tekst'),
  scanDate: z.nullable(ZPlainDate),
});
export type TScanThemes = z.infer<typeof ZScanThemes>;

/** The scan's themes as a request gives them: each theme at most once, the date optional. */
export const ZScanThemesInput = z.strictObject({
  themes: z.array(z.enum(SCAN_THEMES)).check(z.maxLength(SCAN_THEMES.length)),
  other: z._default(
    described(z.string().check(z.maxLength(500)), 'Andere thema’s, vrije tekst'),
    '',
  ),
  scanDate: z._default(z.nullable(ZPlainDate), null),
});
export type TScanThemesInput = z.input<typeof ZScanThemesInput>;

/** The workshop sheet: what the trainers need on one page. */
export const ZWorkshopSheet = z.object({
  signupId: z.string(),
  municipality: z.string(),
  slot: ZSlotView,
  location: z.string(),
  pair: z.object({ berenschot: ZTrainerView, riec: ZTrainerView }),
  contact: z.object({ name: z.string(), email: z.string() }),
  scanStatus: z.string(),
  scan: z.nullable(ZScanThemes),
  attendees: z.nullable(z.array(ZAttendeeView)),
  groups: z.nullable(ZGroupsView),
  savedAt: z.nullable(z.string()),
});
export type TWorkshopSheet = z.infer<typeof ZWorkshopSheet>;
