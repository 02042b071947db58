// Registering a municipality's sign-up: validate, create the list item (status aangemeld) and
// log it. A municipality that was asked for new dates gets them on its existing sign-up.
// One sign-up per municipality and campaign is SharePoint's to enforce (a unique column): the
// check before creating gives the friendly answer, the column the guarantee when two requests
// arrive at once.
import type { Campaign } from '../domain/campaign.js';
import { readCurrentCampaign } from './campaigns.js';
import { createIssue } from '../domain/errors.js';
import { normaliseCbsCode, type SignupId } from '../domain/ids.js';
import { registerSignup as registerInDomain } from '../domain/lifecycle.js';
import { findMunicipalityByCbsCode } from '../domain/municipalities.js';
import { DUPLICATE_SIGNUP, type StoredSignup } from '../domain/ports.js';
import { validatePreferences, validateSignup } from '../domain/signup-validation.js';
import type { SignupRequest, ValidSignup } from '../domain/signup.js';
import type { DomainIssue } from '../domain/errors.js';
import { canPlanFor } from './access.js';
import { applyCommand, createWithEffects } from './apply-command.js';
import type { UseCaseContext } from './context.js';
import { failWith, succeed, type Outcome } from './outcome.js';

export async function registerSignup(
  ctx: UseCaseContext,
  raw: SignupRequest,
): Promise<Outcome<StoredSignup>> {
  const now = ctx.now();
  const campaign = await readCurrentCampaign(ctx);
  // One normalisation, then every decision on its result (issue: "GM0361 " crossed RIECs when
  // the RIEC check read the raw code and validation the trimmed one).
  const cbsCode = normaliseCbsCode(raw.cbsCode);
  const request: SignupRequest = { ...raw, cbsCode: cbsCode ?? raw.cbsCode };
  const municipality = cbsCode ? findMunicipalityByCbsCode(cbsCode) : undefined;
  if (municipality && !canPlanFor(ctx.access, municipality.riec)) {
    return failWith(
      ctx.access.riecs.length > 0
        ? { kind: 'forbidden', reason: 'otherRiec', field: 'cbsCode' }
        : { kind: 'forbidden', reason: 'role' },
    );
  }
  const existing = municipality
    ? await ctx.m365.statusLog.list({ cbsCode: municipality.cbsCode, campaignId: campaign.id })
    : [];
  const waiting = existing.find((stored) => stored.signup.status === 'nieuwe_data_nodig');
  if (waiting) return giveNewDates(ctx, waiting, request, campaign);

  const validation = validateSignup(request, campaign, now);
  if (!validation.ok)
    return failWith({ kind: 'invalid', issues: validation.errors, warnings: validation.warnings });
  const active = findActive(existing);
  if (active) return alreadySignedUp(active);
  return createSignup(ctx, validation.value, campaign, validation.warnings);
}

function findActive(signups: readonly StoredSignup[]): StoredSignup | undefined {
  return signups.find((stored) => stored.signup.status !== 'geannuleerd');
}

function alreadySignedUp(active: StoredSignup): Outcome<never> {
  return failWith({
    kind: 'rejected',
    issue: createIssue('ALREADY_SIGNED_UP', 'cbsCode', {
      municipality: active.signup.municipality.name,
      status: active.signup.status,
      signupId: active.signup.id,
    }),
  });
}

/** New dates for a sign-up whose options all fell through: no deadline check, same item. */
async function giveNewDates(
  ctx: UseCaseContext,
  waiting: StoredSignup,
  request: SignupRequest,
  campaign: Campaign,
): Promise<Outcome<StoredSignup>> {
  const preferences = validatePreferences(request.preferences, campaign, ctx.now());
  if (!preferences.ok) {
    return failWith({
      kind: 'invalid',
      issues: preferences.errors,
      warnings: preferences.warnings,
    });
  }
  const updated = await applyCommand(ctx, waiting, {
    type: 'newDates',
    preferences: preferences.value,
    by: ctx.access.email,
  });
  return updated.ok ? succeed(updated.value, preferences.warnings) : updated;
}

/**
 * The item with its intent, then the log line and the final state: the one crash-safe write
 * path of every command (createWithEffects in apply-command.ts).
 */
async function createSignup(
  ctx: UseCaseContext,
  valid: ValidSignup,
  campaign: Campaign,
  warnings: readonly DomainIssue[],
): Promise<Outcome<StoredSignup>> {
  const registered = registerInDomain(
    {
      id: '0' as SignupId,
      campaign,
      signup: valid,
      accountHolder: { name: ctx.access.name, email: ctx.access.email },
    },
    ctx.now(),
  );
  const created = await createWithEffects(ctx, registered, ctx.access.email);
  if (!created.ok) {
    if (created.failure.kind === 'graphFailed' && created.failure.code === DUPLICATE_SIGNUP) {
      return answerDuplicate(ctx, valid, campaign);
    }
    return created;
  }
  ctx.state.signups.remember(created.value);
  return succeed(created.value, warnings);
}

/** Another request registered the municipality a moment ago: that one is the sign-up. */
async function answerDuplicate(
  ctx: UseCaseContext,
  valid: ValidSignup,
  campaign: Campaign,
): Promise<Outcome<never>> {
  const now = await ctx.m365.statusLog.list({
    cbsCode: valid.municipality.cbsCode,
    campaignId: campaign.id,
  });
  const active = findActive(now);
  return active
    ? alreadySignedUp(active)
    : failWith({ kind: 'conflict', reason: 'concurrentChange' });
}
