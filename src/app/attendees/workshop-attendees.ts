// The attendee list and the breakout groups of one confirmed workshop (issue 14, items 1, 2, 5).
// Who: the account holder of the municipality's RIEC and the workshop's two trainers (matched on
// tenant id + object id through the trainer list, as for reading their workshops); anyone else
// gets "not found", so an id reveals nothing. Where: one JSON file attached to the confirmed
// workshop's event in the organizer's calendar, written with the application's identity — not in
// a SharePoint list, not in the audit log, not in a server log or a mail (AVG art. 9: a party is
// a political opinion). The maintenance removes it ATTENDEES_RETENTION_DAYS after the workshop.
import { z } from 'zod';
import { type AttendeeImport, readAttendeeText } from '../../domain/attendees/read-attendees.js';
import type { Attendee } from '../../domain/attendees/types.js';
import { mixGroups } from '../../domain/groups/mix-groups.js';
import { formatGroupIssue, type GroupIssue } from '../../domain/groups/messages.js';
import { scoreArrangement } from '../../domain/groups/score-arrangement.js';
import type { MixedGroup, MixPerson, MixScore, Pin } from '../../domain/groups/types.js';
import type { EventId, SignupId } from '../../domain/ids.js';
import { findConfirmedOption } from '../../domain/lifecycle-rules.js';
import type { EventAttachments, StoredSignup } from '../../domain/ports.js';
import type { HoldOption, Signup } from '../../domain/signup.js';
import { toAmsterdam, toUtcIso, type Locale } from '../../domain/time.js';
import { canPlanFor } from '../access.js';
import type { UseCaseContext } from '../context.js';
import { failWith, succeed, type Outcome } from '../outcome.js';
import { isTrainerOf, trainerAddressesOf } from '../read-signups.js';
import { readAttendeeFile } from './read-attendee-file.js';

export const ATTENDEE_FILE_PREFIX = 'workshopplanner-deelnemers-';
const FORMAT = 'workshopplanner-deelnemers';

export interface StoredAttendee extends Attendee {
  readonly id: string;
}

export interface StoredGroups {
  readonly seed: number;
  readonly groups: readonly MixedGroup[];
  readonly outside: readonly string[];
  readonly score: MixScore;
}

/** The file on the event. */
export interface AttendeeDocument {
  readonly format: typeof FORMAT;
  readonly version: 1;
  readonly signupId: string;
  readonly savedAt: string;
  readonly attendees: readonly StoredAttendee[];
  readonly groups: StoredGroups | null;
}

export interface Workshop {
  readonly stored: StoredSignup;
  readonly option: HoldOption & { readonly eventId: EventId };
  readonly organizer: string;
}

export interface WorkshopSheet {
  readonly workshop: Workshop;
  readonly document: AttendeeDocument | null;
  /** What the mixer said about its result, in the caller's language. */
  readonly notes: readonly string[];
}

export type SourceInput =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'file'; readonly fileName: string; readonly contentBase64: string };

/** Refusals that are not "not found": shown to the user, nothing stored. */
export type SheetRefusal =
  | { readonly kind: 'notConfirmed' }
  | { readonly kind: 'invalidList'; readonly preview: AttendeeImport }
  | { readonly kind: 'noAttendees' }
  | { readonly kind: 'groupsRefused'; readonly messages: readonly string[] }
  | { readonly kind: 'unavailable' };

export type SheetResult<T> =
  { readonly ok: true; readonly value: T } | ({ readonly ok: false } & SheetRefusal);

/** The confirmed workshop `id`, if the caller may prepare it. */
export async function findWorkshop(
  ctx: UseCaseContext,
  id: SignupId,
): Promise<Outcome<SheetResult<Workshop>>> {
  const stored = await ctx.m365.statusLog.read(id);
  if (!stored) return failWith({ kind: 'notFound', what: 'signup' });
  if (!(await mayPrepare(ctx, stored.signup)))
    return failWith({ kind: 'notFound', what: 'signup' });
  const option = findConfirmedOption(stored.signup);
  const isConfirmed = stored.signup.status === 'bevestigd' || stored.signup.status === 'uitgevoerd';
  if (!isConfirmed || !option?.eventId) return succeed({ ok: false, kind: 'notConfirmed' });
  return succeed({
    ok: true,
    value: {
      stored,
      option: { ...option, eventId: option.eventId },
      organizer: stored.signup.accountHolder.email,
    },
  });
}

/** The RIEC's account holder and the workshop's two trainers; not the coordinator (AVG). */
async function mayPrepare(ctx: UseCaseContext, signup: Signup): Promise<boolean> {
  if (canPlanFor(ctx.access, signup.riec)) return true;
  return isTrainerOf(await trainerAddressesOf(ctx), signup);
}

/** Reads pasted rows or an uploaded file; stores nothing. */
export async function readSource(source: SourceInput): Promise<AttendeeImport> {
  if (source.kind === 'text') return readAttendeeText(source.text);
  return readAttendeeFile(new Uint8Array(Buffer.from(source.contentBase64, 'base64')));
}

export async function previewAttendees(
  ctx: UseCaseContext,
  id: SignupId,
  source: SourceInput,
): Promise<Outcome<SheetResult<AttendeeImport>>> {
  const workshop = await findWorkshop(ctx, id);
  if (!workshop.ok) return workshop;
  if (!workshop.value.ok) return succeed(workshop.value);
  return succeed({ ok: true, value: await readSource(source) });
}

export async function readSheet(
  ctx: UseCaseContext,
  id: SignupId,
): Promise<Outcome<SheetResult<WorkshopSheet>>> {
  const found = await findWorkshop(ctx, id);
  if (!found.ok) return found;
  if (!found.value.ok) return succeed(found.value);
  const workshop = found.value.value;
  const files = await attachmentsOf(ctx).list(workshop.organizer, workshop.option.eventId);
  const document = files === null ? null : newestDocument(files, workshop.stored.signup.id);
  return succeed({ ok: true, value: { workshop, document, notes: [] } });
}

export async function saveAttendees(
  ctx: UseCaseContext,
  id: SignupId,
  source: SourceInput,
): Promise<Outcome<SheetResult<WorkshopSheet>>> {
  const found = await findWorkshop(ctx, id);
  if (!found.ok) return found;
  if (!found.value.ok) return succeed(found.value);
  const preview = await readSource(source);
  if (preview.attendees === null) return succeed({ ok: false, kind: 'invalidList', preview });
  const attendees = preview.attendees.map((attendee, i) => ({ ...attendee, id: `p${i + 1}` }));
  const stored = await store(ctx, found.value.value, attendees, null, []);
  if (stored.ok && stored.value.ok) await logAttendeesSaved(ctx, stored.value.value);
  return stored;
}

/**
 * The audit line "deelnemerslijst opgeslagen": who saved a list of how many, never a name or a
 * party (those are special category data and live only on the workshop's event). Keyed on the
 * list's save time, so a retried write is one line.
 */
async function logAttendeesSaved(ctx: UseCaseContext, sheet: WorkshopSheet): Promise<void> {
  const signup = sheet.workshop.stored.signup;
  const count = sheet.document?.attendees.length ?? 0;
  const savedAt = sheet.document?.savedAt ?? ctx.now().toISOString();
  await ctx.m365.plan.run([
    {
      kind: 'appendLog',
      entry: {
        key: `${signup.id}:deelnemers:${savedAt}`,
        signupId: signup.id,
        cbsCode: signup.municipality.cbsCode,
        municipality: signup.municipality.name,
        action: 'edit',
        from: signup.status,
        to: signup.status,
        by: ctx.access.email,
        at: toUtcIso(toAmsterdam(new Date(savedAt))),
        detail: `Deelnemerslijst opgeslagen: ${count} ${count === 1 ? 'deelnemer' : 'deelnemers'}.`,
        event: { code: 'attendeesSaved', params: { count: String(count) } },
      },
    },
  ]);
}

export interface MakeGroupsInput {
  readonly groups:
    { readonly count: number } | { readonly sizeMin: number; readonly sizeMax: number };
  readonly seed: number;
  readonly outside: readonly string[];
  readonly apart: readonly (readonly [string, string])[];
}

export async function makeGroups(
  ctx: UseCaseContext,
  id: SignupId,
  input: MakeGroupsInput,
  locale: Locale,
): Promise<Outcome<SheetResult<WorkshopSheet>>> {
  const sheet = await readSheet(ctx, id);
  if (!sheet.ok || !sheet.value.ok) return sheet;
  const { workshop, document } = sheet.value.value;
  if (!document || document.attendees.length === 0)
    return succeed({ ok: false, kind: 'noAttendees' });
  const pins: Pin[] = [
    ...input.outside.map((person): Pin => ({ kind: 'outside', person })),
    ...input.apart.map(([person, other]): Pin => ({ kind: 'apart', person, other })),
  ];
  const outcome = mixGroups({
    people: document.attendees.map(toMixPerson),
    groups:
      'count' in input.groups
        ? { count: input.groups.count }
        : { sizeRange: { min: input.groups.sizeMin, max: input.groups.sizeMax } },
    pins,
    seed: input.seed,
  });
  const words = (issues: readonly GroupIssue[]) => issues.map((i) => formatGroupIssue(i, locale));
  if (!outcome.ok)
    return succeed({ ok: false, kind: 'groupsRefused', messages: words(outcome.errors) });
  const groups: StoredGroups = {
    seed: input.seed,
    groups: outcome.groups,
    outside: outcome.outside,
    score: outcome.score,
  };
  return store(ctx, workshop, document.attendees, groups, words(outcome.notes));
}

/** Groups as the trainers arranged them (a person moved): scored and stored. */
export async function saveGroups(
  ctx: UseCaseContext,
  id: SignupId,
  input: { readonly groups: readonly (readonly string[])[]; readonly outside: readonly string[] },
  locale: Locale,
): Promise<Outcome<SheetResult<WorkshopSheet>>> {
  const sheet = await readSheet(ctx, id);
  if (!sheet.ok || !sheet.value.ok) return sheet;
  const { workshop, document } = sheet.value.value;
  if (!document || document.attendees.length === 0)
    return succeed({ ok: false, kind: 'noAttendees' });
  const arranged = scoreArrangement(document.attendees.map(toMixPerson), input.groups);
  if (!arranged.ok) {
    const message =
      locale === 'nl'
        ? 'De groepen passen niet bij de opgeslagen deelnemerslijst. Vernieuw het scherm en probeer het opnieuw.'
        : 'The groups do not match the stored attendee list. Refresh and try again.';
    return succeed({ ok: false, kind: 'groupsRefused', messages: [message] });
  }
  const placed = new Set(input.groups.flat());
  const groups: StoredGroups = {
    seed: document.groups?.seed ?? 0,
    groups: arranged.groups,
    outside: document.attendees.filter((a) => !placed.has(a.id)).map((a) => a.id),
    score: arranged.score,
  };
  return store(ctx, workshop, document.attendees, groups, []);
}

function toMixPerson(attendee: StoredAttendee): MixPerson {
  return { id: attendee.id, name: attendee.name, party: attendee.party, side: attendee.side };
}

function attachmentsOf(ctx: UseCaseContext): EventAttachments {
  const attachments = ctx.m365.attachments;
  if (!attachments) throw new Error('attachments are not available in this context');
  return attachments;
}

export function attendeeFileName(signupId: string): string {
  return `${ATTENDEE_FILE_PREFIX}${signupId}.json`;
}

/**
 * Adds the new file, then removes the older ones: a crash in between leaves two files, of which
 * the newest is read and the next save removes the other.
 */
async function store(
  ctx: UseCaseContext,
  workshop: Workshop,
  attendees: readonly StoredAttendee[],
  groups: StoredGroups | null,
  notes: readonly string[],
): Promise<Outcome<SheetResult<WorkshopSheet>>> {
  const attachments = attachmentsOf(ctx);
  const { organizer } = workshop;
  const eventId = workshop.option.eventId;
  const signupId = workshop.stored.signup.id;
  const document: AttendeeDocument = {
    format: FORMAT,
    version: 1,
    signupId,
    savedAt: ctx.now().toISOString(),
    attendees,
    groups,
  };
  const before = await attachments.list(organizer, eventId);
  if (before === null) return succeed({ ok: false, kind: 'unavailable' });
  const added = await attachments.add(organizer, eventId, {
    name: attendeeFileName(signupId),
    contentType: 'application/json',
    content: Buffer.from(JSON.stringify(document), 'utf8'),
  });
  for (const file of before) {
    if (file.id !== added.id && file.name.startsWith(ATTENDEE_FILE_PREFIX)) {
      await attachments.remove(organizer, eventId, file.id);
    }
  }
  return succeed({ ok: true, value: { workshop, document, notes } });
}

const ZDocument = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  signupId: z.string(),
  savedAt: z.string(),
  attendees: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      party: z.string().nullable(),
      side: z.enum(['coalitie', 'oppositie', 'onbekend']),
      role: z.enum(['raadslid', 'burgerlid', 'wethouder', 'burgemeester', 'griffier', 'anders']),
    }),
  ),
  // Written by this product from the mixer's types; read back as they were written.
  groups: z.unknown().nullable(),
});

function newestDocument(
  files: readonly { name: string; lastModified: string; content: Uint8Array }[],
  signupId: string,
): AttendeeDocument | null {
  const ours = files
    .filter((file) => file.name === attendeeFileName(signupId))
    .sort((a, b) =>
      a.lastModified < b.lastModified ? -1 : a.lastModified > b.lastModified ? 1 : 0,
    );
  for (const file of ours.reverse()) {
    try {
      const parsed = ZDocument.safeParse(JSON.parse(Buffer.from(file.content).toString('utf8')));
      if (parsed.success) return parsed.data as AttendeeDocument;
    } catch {
      // A file that is not ours after all (hand-edited): the one before it, or none.
    }
  }
  return null;
}

/** The workshop's slot end plus the retention: when the list must be gone. */
export function retentionEnd(option: HoldOption, retentionDays: number): number {
  return Date.parse(option.slot.end) + retentionDays * 24 * 60 * 60 * 1000;
}

/**
 * Removes the attendee lists of workshops that ended more than `retentionDays` ago (the
 * background maintenance, as "systeem"). Looks back a bounded time so the cycle does not list the
 * attachments of every past workshop forever. Returns the sign-ups whose list was removed.
 */
export async function removeExpiredAttendeeLists(
  ctx: UseCaseContext,
  signups: readonly StoredSignup[],
  retentionDays: number,
): Promise<SignupId[]> {
  const attachments = ctx.m365.attachments;
  if (!attachments) return [];
  const now = ctx.now().getTime();
  const lookBackMs = 60 * 24 * 60 * 60 * 1000;
  const removed: SignupId[] = [];
  for (const { signup } of signups) {
    const option = findConfirmedOption(signup);
    if (!option?.eventId) continue;
    const due = retentionEnd(option, retentionDays);
    if (due > now || now - due > lookBackMs) continue;
    const files = await attachments.list(signup.accountHolder.email, option.eventId);
    const ours = (files ?? []).filter((file) => file.name.startsWith(ATTENDEE_FILE_PREFIX));
    for (const file of ours) {
      await attachments.remove(signup.accountHolder.email, option.eventId, file.id);
    }
    if (ours.length > 0) removed.push(signup.id);
  }
  return removed;
}
