// Registering a municipality's sign-up: validate, create the list item (status aangemeld) and
// log it. A municipality that was asked for new dates gets them on its existing sign-up.
import { currentCampaign } from '../domain/campaign.js';
import { createIssue } from '../domain/errors.js';
import { normaliseCbsCode, type SignupId } from '../domain/ids.js';
import { registerSignup as registerInDomain } from '../domain/lifecycle.js';
import { findMunicipalityByCbsCode } from '../domain/municipalities.js';
import type { PendingOperation, PlanStep, StoredSignup } from '../domain/ports.js';
import { validatePreferences, validateSignup } from '../domain/signup-validation.js';
import type { SignupRequest } from '../domain/signup.js';
import { canPlanFor } from './access.js';
import { applyCommand, resumePending } from './apply-command.js';
import type { UseCaseContext } from './context.js';
import { closingSteps } from './effects.js';
import { failWith, succeed, type Outcome } from './outcome.js';

export async function registerSignup(
  ctx: UseCaseContext,
  raw: SignupRequest,
): Promise<Outcome<StoredSignup>> {
  const now = ctx.now();
  const campaign = currentCampaign(now);
  // One normalisation, then every decision on its result (issue: "GM0361 " crossed RIECs when
  // the RIEC check read the raw code and validation the trimmed one).
  const cbsCode = normaliseCbsCode(raw.cbsCode);
  const request = { ...raw, cbsCode: cbsCode ?? raw.cbsCode };
  const municipality = cbsCode ? findMunicipalityByCbsCode(cbsCode) : undefined;
  if (municipality && !canPlanFor(ctx.access, municipality.riec)) {
    return failWith({
      kind: 'forbidden',
      reason: ctx.access.riecs.length > 0 ? 'otherRiec' : 'role',
    });
  }
  const validation = validateSignup(request, campaign, now);
  if (!validation.ok)
    return failWith({ kind: 'invalid', issues: validation.errors, warnings: validation.warnings });
  const valid = validation.value;

  const existing = await ctx.m365.statusLog.list({
    cbsCode: valid.municipality.cbsCode,
    campaignId: campaign.id,
  });
  const waiting = existing.find((stored) => stored.signup.status === 'nieuwe_data_nodig');
  if (waiting) {
    // New dates for a sign-up whose options all fell through: no deadline check, same item.
    const preferences = validatePreferences(request.preferences, campaign, now);
    if (!preferences.ok)
      return failWith({
        kind: 'invalid',
        issues: preferences.errors,
        warnings: preferences.warnings,
      });
    const updated = await applyCommand(ctx, waiting, {
      type: 'newDates',
      preferences: preferences.value,
      by: ctx.access.email,
    });
    return updated.ok ? succeed(updated.value, preferences.warnings) : updated;
  }
  const active = existing.find((stored) => stored.signup.status !== 'geannuleerd');
  if (active) {
    return failWith({
      kind: 'rejected',
      issue: createIssue('ALREADY_SIGNED_UP', 'cbsCode', {
        municipality: valid.municipality.displayName,
        status: active.signup.status,
      }),
    });
  }

  const { state, effects } = registerInDomain(
    {
      id: '0' as SignupId,
      campaign,
      signup: valid,
      accountHolder: { name: ctx.access.name, email: ctx.access.email },
    },
    now,
  );
  const pending: PendingOperation = {
    id: ctx.newId(),
    command: 'register',
    by: ctx.access.email,
    startedAt: now.toISOString(),
    effects: effects.filter((effect) => effect.type !== 'writeStatus'),
  };
  const [created] = await ctx.m365.plan.run([{ kind: 'createSignup', signup: state, pending }]);
  if (!created?.ok || !created.signupId) {
    return failWith({
      kind: 'graphFailed',
      status: created && !created.ok ? created.status : 0,
      code: created && !created.ok ? created.code : 'noId',
      isPending: false,
    });
  }
  const signup = { ...state, id: created.signupId };
  const stored: StoredSignup = { signup, eTag: created.eTag ?? '', pending };
  const steps: PlanStep[] = [
    ...closingSteps(signup, pending, pending.effects),
    { kind: 'writeSignup', signup, pending: null, guard: { eTag: stored.eTag } },
  ];
  const outcomes = await ctx.m365.plan.run(steps);
  const last = outcomes.at(-1);
  if (!last?.ok) {
    // This run created the item: it owns the operation and finishes it without a claim.
    const resumed = await resumePending(ctx, stored, { isOwner: true });
    return resumed.ok ? succeed(resumed.value, validation.warnings) : resumed;
  }
  const done: StoredSignup = {
    signup: { ...signup, eTag: last.eTag ?? '' },
    eTag: last.eTag ?? '',
    pending: null,
  };
  ctx.state.signups.remember(done);
  return succeed(done, validation.warnings);
}
