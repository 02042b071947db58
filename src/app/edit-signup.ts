// Editing a sign-up and giving it other dates (issue 18, items 2 and 5), and the dry run of both
// and of a registration: the same validation, nothing written, so a form shows its warnings
// before it saves.
//
// Both edits are optimistic: the caller sends the version (eTag) it saw; when the sign-up
// changed since, nothing is written and the caller is told (409). A repeat after a lost
// connection finds its own command pending or done and is not refused for the version.
import { findCampaign, readCurrentCampaign } from './campaigns.js';
import { createIssue, type DomainIssue } from '../domain/errors.js';
import type { SignupId } from '../domain/ids.js';
import { normaliseCbsCode } from '../domain/ids.js';
import { isSameSlots } from '../domain/lifecycle-edit.js';
import { findMunicipalityByCbsCode } from '../domain/municipalities.js';
import type { StoredSignup } from '../domain/ports.js';
import {
  validatePreferences,
  validateSignup,
  validateSignupEdit,
  type SignupEditRequest,
} from '../domain/signup-validation.js';
import type { SignupRequest, Slot } from '../domain/signup.js';
import { canPlanFor } from './access.js';
import { applyCommand } from './apply-command.js';
import { releaseBookings } from './cancel-signup.js';
import type { UseCaseContext } from './context.js';
import { failWith, succeed, type Outcome } from './outcome.js';

const MAX_ATTEMPTS = 4;

/** The sign-up, if the caller may plan for it; another RIEC's answers as a missing one. */
async function readOwn(ctx: UseCaseContext, id: SignupId): Promise<Outcome<StoredSignup>> {
  const stored = await ctx.m365.statusLog.read(id);
  if (!stored || !canPlanFor(ctx.access, stored.signup.riec))
    return failWith({ kind: 'notFound', what: 'signup' });
  return succeed(stored);
}

/** The caller saw an older version, and this is not a repeat of its own cut-off command. */
function isStale(stored: StoredSignup, eTag: string, command: 'edit' | 'newDates'): boolean {
  return stored.eTag !== eTag && stored.pending?.command !== command;
}

/** Preferences equal to the stored ones are no change (the form sends them as they are). */
function withoutSameSlots(request: SignupEditRequest, stored: StoredSignup): SignupEditRequest {
  if (!request.preferences || !isSameSlots(request.preferences, stored.signup.preferences))
    return request;
  const { preferences: _same, ...rest } = request;
  return rest;
}

function lockedIssue(stored: StoredSignup): DomainIssue {
  return createIssue('PREFERENCES_LOCKED', 'preferences', { status: stored.signup.status });
}

export interface EditSignupRequest extends SignupEditRequest {
  /** The version the caller saw (the view's eTag). */
  readonly eTag: string;
}

/** Changes contact, scan, remarks and (nothing placed yet) the slots; logged with what changed. */
export async function editSignup(
  ctx: UseCaseContext,
  id: SignupId,
  given: EditSignupRequest,
): Promise<Outcome<StoredSignup>> {
  const read = await readOwn(ctx, id);
  if (!read.ok) return read;
  const stored = read.value;
  const now = ctx.now();
  const request = withoutSameSlots(given, stored);
  // The sign-up's own edition (an edit of a 2022 sign-up keeps 2022's rules).
  const campaign =
    (await findCampaign(ctx, stored.signup.campaignId)) ?? (await readCurrentCampaign(ctx));
  const validation = validateSignupEdit(request, campaign, now);
  if (!validation.ok)
    return failWith({ kind: 'invalid', issues: validation.errors, warnings: validation.warnings });
  if (request.preferences && stored.signup.status !== 'aangemeld')
    return failWith({ kind: 'invalid', issues: [lockedIssue(stored)], warnings: [] });
  if (isStale(stored, given.eTag, 'edit'))
    return failWith({ kind: 'conflict', reason: 'concurrentChange' });
  const result = await applyCommand(ctx, stored, {
    type: 'edit',
    changes: validation.value,
    by: ctx.access.email,
  });
  if (!result.ok) return result;
  ctx.state.signups.remember(result.value);
  return succeed(result.value, validation.warnings);
}

export interface NewDatesRequest {
  readonly preferences: readonly Slot[];
  readonly reason?: string;
  readonly eTag: string;
}

/**
 * Other dates on the same sign-up: from "nieuwe data nodig", or while options are placed or the
 * workshop is confirmed ("andere data"). The holds are released through the crash-safe command
 * (a cut-off run is finished by the next, each hold cancelled once), a confirmed workshop's
 * trainers get their evening back, the status goes back to aangemeld, the log keeps the history.
 */
export async function giveNewDates(
  ctx: UseCaseContext,
  id: SignupId,
  request: NewDatesRequest,
): Promise<Outcome<StoredSignup>> {
  const now = ctx.now();
  // New dates fall in the current edition's window.
  const preferences = validatePreferences(request.preferences, await readCurrentCampaign(ctx), now);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const read = await readOwn(ctx, id);
    if (!read.ok) return read;
    const stored = read.value;
    if (!preferences.ok)
      return failWith({
        kind: 'invalid',
        issues: preferences.errors,
        warnings: preferences.warnings,
      });
    if (isStale(stored, request.eTag, 'newDates'))
      return failWith({ kind: 'conflict', reason: 'concurrentChange' });
    const guards = await releaseBookings(ctx, stored);
    const reason = request.reason?.trim();
    const result = await applyCommand(
      ctx,
      stored,
      {
        type: 'newDates',
        preferences: preferences.value,
        by: ctx.access.email,
        ...(reason ? { reason } : {}),
      },
      { guards },
    );
    // A trainer's agenda changed between reading and writing: read it again.
    if (
      !result.ok &&
      result.failure.kind === 'conflict' &&
      result.failure.reason === 'guardChanged'
    )
      continue;
    if (!result.ok) return result;
    ctx.state.signups.remember(result.value);
    return succeed(result.value, preferences.warnings);
  }
  return failWith({ kind: 'conflict', reason: 'concurrentChange' });
}

/** What a dry run checks: a registration (no signupId) or an edit / new dates of a sign-up. */
export interface CheckSignupRequest extends SignupEditRequest {
  readonly signupId?: SignupId;
  readonly cbsCode?: string;
  readonly lateOverride?: { readonly reason: string };
}

/**
 * The validation of registerSignup, updateSignup and giveNewDates without writing anything: the
 * warnings when the input would be accepted, the errors (as the real call gives them) when not.
 */
export async function checkSignup(
  ctx: UseCaseContext,
  request: CheckSignupRequest,
): Promise<Outcome<readonly DomainIssue[]>> {
  const now = ctx.now();
  const campaign = await readCurrentCampaign(ctx);
  if (request.signupId !== undefined) {
    const read = await readOwn(ctx, request.signupId);
    if (!read.ok) return read;
    const edit = withoutSameSlots(request, read.value);
    // Slots of a sign-up with options are new dates ("andere data"): no lock in a dry run.
    const validation = validateSignupEdit(edit, campaign, now);
    if (!validation.ok)
      return failWith({
        kind: 'invalid',
        issues: validation.errors,
        warnings: validation.warnings,
      });
    return succeed(validation.warnings, validation.warnings);
  }
  const cbsCode = normaliseCbsCode(request.cbsCode ?? '') ?? request.cbsCode ?? '';
  const municipality = findMunicipalityByCbsCode(cbsCode);
  if (municipality && !canPlanFor(ctx.access, municipality.riec)) {
    return failWith(
      ctx.access.riecs.length > 0
        ? { kind: 'forbidden', reason: 'otherRiec', field: 'cbsCode' }
        : { kind: 'forbidden', reason: 'role' },
    );
  }
  const signup: SignupRequest = {
    cbsCode,
    contact: request.contact ?? { name: '', email: '' },
    preferences: request.preferences ?? [],
    scanStatus: request.scanStatus ?? 'onbekend',
    ...(request.scan ? { scan: request.scan } : {}),
    remarks: request.remarks ?? '',
    ...(request.lateOverride ? { lateOverride: request.lateOverride } : {}),
  };
  const validation = validateSignup(signup, campaign, now);
  if (!validation.ok)
    return failWith({ kind: 'invalid', issues: validation.errors, warnings: validation.warnings });
  return succeed(validation.warnings, validation.warnings);
}
