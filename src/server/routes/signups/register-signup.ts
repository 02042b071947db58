// Registers a municipality's sign-up (status aangemeld, logged), or the new dates of a sign-up
// that was waiting for them. Rule violations come back as 422 with a message per field.
// Repeating the request after a lost connection gives the sign-up the first attempt created.
import { readCurrentCampaign } from '../../../app/campaigns.js';
import { registerSignup } from '../../../app/register-signup.js';
import { listSignups } from '../../../app/read-signups.js';
import type { UseCaseContext } from '../../../app/context.js';
import type { Outcome } from '../../../app/outcome.js';
import { findMunicipalityByCbsCode } from '../../../domain/municipalities.js';
import type { StoredSignup } from '../../../domain/ports.js';
import { validateSignup } from '../../../domain/signup-validation.js';
import type { SignupRequest } from '../../../domain/signup.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import {
  registerSignup as registerSignupOperation,
  type OperationBody,
} from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor, viewContextOf } from '../../http/use-case-context.js';
import { toFieldMessages, toSignupView } from '../../views/signup-view.js';
import { toContact } from './_contact.js';
import { isSameAddress } from './_retry.js';

type TRegisterSignupBody = OperationBody<typeof registerSignupOperation>;

function toSignupRequest(body: TRegisterSignupBody): SignupRequest {
  return {
    cbsCode: body.cbsCode,
    contact: toContact(body.contact),
    preferences: body.preferences,
    scanStatus: body.scanStatus,
    ...(body.scan ? { scan: body.scan } : {}),
    remarks: body.remarks,
    ...(body.lateOverride ? { lateOverride: body.lateOverride } : {}),
  };
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

/**
 * ALREADY_SIGNED_UP right after this caller registered exactly this (same municipality,
 * contact and preferences, still aangemeld): the first attempt went through and its answer was
 * lost. Anything else stays a conflict.
 */
async function findEarlierAttempt(
  ctx: UseCaseContext,
  request: SignupRequest,
  outcome: Outcome<StoredSignup>,
): Promise<StoredSignup | undefined> {
  if (outcome.ok || outcome.failure.kind !== 'rejected') return undefined;
  if (outcome.failure.issue.code !== 'ALREADY_SIGNED_UP') return undefined;
  const municipality = findMunicipalityByCbsCode(request.cbsCode);
  if (!municipality) return undefined;
  const candidates = await listSignups(ctx, {
    riec: municipality.riec,
    statuses: ['aangemeld'],
  });
  if (!candidates.ok) return undefined;
  return candidates.value.find(
    ({ signup }) =>
      signup.municipality.cbsCode === municipality.cbsCode &&
      isSameAddress(signup.accountHolder.email, ctx.access.email) &&
      isSameAddress(signup.contact.email, request.contact.email) &&
      signup.preferences.length === request.preferences.length &&
      signup.preferences.every(
        (slot, i) =>
          sameInstant(slot.start, request.preferences[i]?.start ?? '') &&
          sameInstant(slot.end, request.preferences[i]?.end ?? ''),
      ),
  );
}

export default implement(registerSignupOperation, async (route) => {
  const ctx = useCasesFor(route);
  const request = toSignupRequest(route.body);
  const outcome = await registerSignup(ctx, request);
  const earlier = await findEarlierAttempt(ctx, request, outcome);
  const now = route.clock.now();
  const stored = earlier ?? unwrapOutcome(outcome);
  // The first attempt's warnings, recomputed: the rules are pure.
  const warnings = earlier
    ? validateSignup(request, await readCurrentCampaign(ctx), now).warnings
    : outcome.ok
      ? (outcome.warnings ?? [])
      : [];
  route.reply.header('location', `/api/signups/${encodeURIComponent(stored.signup.id)}`);
  return {
    signup: toSignupView(stored, viewContextOf(route, now)),
    warnings: toFieldMessages(warnings, route.language),
  };
});
