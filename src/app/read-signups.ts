// Reading sign-ups, the log and the municipalities' status, within the caller's access:
// account holders see their RIEC, the coordinator sees everything, trainers their own workshops.
import { readCurrentCampaign } from './campaigns.js';
import type { SignupId } from '../domain/ids.js';
import { MUNICIPALITIES, type Municipality, type RiecName } from '../domain/municipalities.js';
import type { LogEntry, SignupFilter, StoredSignup } from '../domain/ports.js';
import type { Signup, SignupStatus } from '../domain/signup.js';
import { canRead } from './access.js';
import type { UseCaseContext } from './context.js';
import { failWith, succeed, type Outcome } from './outcome.js';

/**
 * The trainer-list addresses of the signed-in trainer: the list entries whose sign-in account
 * (tenant id, object id) is the caller's. Never the token's `preferred_username` or `email`: any
 * allowed tenant can issue a token that claims another person's address.
 */
export async function trainerAddressesOf(ctx: UseCaseContext): Promise<ReadonlySet<string>> {
  const { access } = ctx;
  if (!access.roles.includes('trainer')) return new Set();
  const trainers = await ctx.state.trainers.get(ctx.m365.trainers);
  return new Set(
    trainers
      .filter(
        (t) => t.account?.tenantId === access.tenantId && t.account.objectId === access.userId,
      )
      .map((t) => t.email.toLowerCase()),
  );
}

export function isTrainerOf(trainerAddresses: ReadonlySet<string>, signup: Signup): boolean {
  return (
    signup.pair !== undefined &&
    (trainerAddresses.has(signup.pair.berenschot.email.toLowerCase()) ||
      trainerAddresses.has(signup.pair.riec.email.toLowerCase()))
  );
}

async function canSee(ctx: UseCaseContext, signup: Signup): Promise<boolean> {
  if (canRead(ctx.access, signup.riec)) return true;
  return isTrainerOf(await trainerAddressesOf(ctx), signup);
}

/**
 * Reads one sign-up the caller may see. A read writes nothing: an operation a crashed run left
 * behind is finished by the background cycle or by the next command on the sign-up (each claims
 * it first), never by a GET — two instances serving two GETs would both finish it.
 */
export async function getSignup(ctx: UseCaseContext, id: SignupId): Promise<Outcome<StoredSignup>> {
  const stored = await ctx.m365.statusLog.read(id);
  if (!stored) return failWith({ kind: 'notFound', what: 'signup' });
  // Another RIEC's sign-up answers as a missing one: 404 for both, so an id reveals nothing.
  if (!(await canSee(ctx, stored.signup))) return failWith({ kind: 'notFound', what: 'signup' });
  ctx.state.signups.remember(stored);
  return succeed(stored);
}

export interface ListSignupsQuery {
  /** Only this edition's sign-ups (an indexed column). */
  readonly campaignId?: string;
  readonly riec?: RiecName;
  readonly statuses?: readonly SignupStatus[];
}

/**
 * The filters that keep a query inside the caller's access (one query per allowed RIEC, or per
 * trainer-list address of a trainer: none when the caller's account is not in the list).
 */
async function scopedFilters(
  ctx: UseCaseContext,
  query: ListSignupsQuery,
): Promise<SignupFilter[] | undefined> {
  const { access } = ctx;
  const base: SignupFilter = {
    ...(query.statuses ? { statuses: query.statuses } : {}),
    ...(query.campaignId ? { campaignId: query.campaignId } : {}),
  };
  if (query.riec) return canRead(access, query.riec) ? [{ ...base, riec: query.riec }] : undefined;
  if (access.canReadAll) return [base];
  if (access.riecs.length > 0) return access.riecs.map((riec) => ({ ...base, riec }));
  if (access.roles.includes('trainer')) {
    return [...(await trainerAddressesOf(ctx))].map((trainer) => ({ ...base, trainer }));
  }
  return undefined;
}

export async function listSignups(
  ctx: UseCaseContext,
  query: ListSignupsQuery = {},
): Promise<Outcome<StoredSignup[]>> {
  const filters = await scopedFilters(ctx, query);
  if (!filters) return failWith({ kind: 'forbidden', reason: query.riec ? 'otherRiec' : 'role' });
  const pages = await Promise.all(filters.map((filter) => ctx.m365.statusLog.list(filter)));
  const signups = pages
    .flat()
    .sort((a, b) => a.signup.municipality.name.localeCompare(b.signup.municipality.name, 'nl'));
  for (const stored of signups) ctx.state.signups.remember(stored);
  return succeed(signups);
}

export interface SignupsPage {
  /** In item id order (stable between pages). */
  readonly signups: readonly StoredSignup[];
  /** Where the next page starts (the last id read); undefined on the last page. */
  readonly nextAfterId: number | undefined;
}

/**
 * One page of the sign-ups the caller may see, in item id order (issue 16, item 4). A caller
 * with several scopes (an account holder of two RIECs, a trainer with two addresses) gets one
 * query per scope, merged: the page holds only ids every scope has read up to, so the next page
 * (after `nextAfterId`) neither repeats nor skips a sign-up.
 */
export async function listSignupsPage(
  ctx: UseCaseContext,
  query: ListSignupsQuery,
  page: { readonly afterId: number | undefined; readonly limit: number },
): Promise<Outcome<SignupsPage>> {
  const filters = await scopedFilters(ctx, query);
  if (!filters) return failWith({ kind: 'forbidden', reason: query.riec ? 'otherRiec' : 'role' });
  const results = await Promise.all(
    filters.map((filter) => ctx.m365.statusLog.page(filter, page.afterId, page.limit)),
  );
  const bounds = results.flatMap((r) => (r.more && r.lastId !== undefined ? [r.lastId] : []));
  const bound = bounds.length > 0 ? Math.min(...bounds) : undefined;
  const byId = new Map<number, StoredSignup>();
  for (const result of results) {
    for (const stored of result.signups) {
      const id = Number(stored.signup.id);
      if (bound === undefined || id <= bound) byId.set(id, stored);
    }
  }
  const ids = [...byId.keys()].sort((a, b) => a - b);
  let nextAfterId = bound;
  if (ids.length > page.limit) {
    ids.length = page.limit;
    nextAfterId = ids[ids.length - 1];
  }
  const signups = ids.flatMap((id) => {
    const stored = byId.get(id);
    return stored ? [stored] : [];
  });
  for (const stored of signups) ctx.state.signups.remember(stored);
  return succeed({ signups, nextAfterId });
}

export async function getSignupLog(
  ctx: UseCaseContext,
  id: SignupId,
): Promise<Outcome<LogEntry[]>> {
  const stored = await getSignup(ctx, id);
  if (!stored.ok) return stored;
  return succeed(await ctx.m365.statusLog.readLog(id));
}

export interface MunicipalityStatus {
  readonly municipality: Municipality;
  /** The municipality's sign-up in the current campaign, if any (the newest one). */
  readonly signup: StoredSignup | undefined;
}

/**
 * The municipalities the caller plans for (or all, for the coordinator), with their sign-up in
 * the edition `campaignId` (the current one when not given).
 */
export async function listMunicipalities(
  ctx: UseCaseContext,
  campaignId?: string,
): Promise<Outcome<MunicipalityStatus[]>> {
  const campaign = campaignId ? { id: campaignId } : await readCurrentCampaign(ctx);
  const signups = await listSignups(ctx);
  if (!signups.ok) return signups;
  const latest = new Map<string, StoredSignup>();
  for (const stored of signups.value) {
    if (stored.signup.campaignId !== campaign.id) continue;
    const previous = latest.get(stored.signup.municipality.cbsCode);
    if (!previous || previous.signup.registeredAt < stored.signup.registeredAt) {
      latest.set(stored.signup.municipality.cbsCode, stored);
    }
  }
  const register = ctx.register ?? MUNICIPALITIES;
  const visible = ctx.access.canReadAll
    ? register
    : register.filter((m) => canRead(ctx.access, m.riec) || latest.has(m.cbsCode));
  return succeed(
    visible
      .map((municipality) => ({ municipality, signup: latest.get(municipality.cbsCode) }))
      .sort((a, b) => a.municipality.displayName.localeCompare(b.municipality.displayName, 'nl')),
  );
}
