// Shared steps for the province planner's tests: sign-ups registered in groups that share their
// evenings (three municipalities a week, as the province benchmark has them), a plan unwrapped,
// applied, answered and confirmed.
import { DateTime } from 'luxon';
import { confirmSlot } from '../../src/app/confirm-slot.js';
import type { UseCaseContext } from '../../src/app/context.js';
import type { Outcome } from '../../src/app/outcome.js';
import { applyPlan } from '../../src/app/planner/apply-plan.js';
import type { ApplyProgress } from '../../src/app/planner/apply-progress.js';
import {
  planCampaign,
  type CampaignPlan,
  type PlanCampaignRequest,
  type PlanRefused,
} from '../../src/app/planner/plan-campaign.js';
import { registerSignup } from '../../src/app/register-signup.js';
import { syncAnswers } from '../../src/app/sync-answers.js';
import type { SignupId } from '../../src/domain/ids.js';
import { findMunicipalityByCbsCode } from '../../src/domain/municipalities.js';
import type { Microsoft365, StoredSignup } from '../../src/domain/ports.js';
import { respondToEvent, type Sandbox } from '@workshopplanner/m365-sandbox';

export function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`use case failed: ${JSON.stringify(outcome.failure)}`);
  return outcome.value;
}

/** Three evenings (Tue–Thu 19:30–22:30) in week `2 + ⌊group / 3⌋` from now: three a week. */
export function groupEvenings(
  index: number,
  now: Date,
  firstWeek = 2,
): { start: string; end: string }[] {
  const monday = DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' })
    .startOf('week')
    .plus({ weeks: firstWeek + Math.floor(index / 3) });
  return [1, 2, 3].map((day) => {
    const start = monday.plus({ days: day }).set({ hour: 19, minute: 30 });
    return { start: start.toISO()!, end: start.plus({ hours: 3 }).toISO()! };
  });
}

export async function register(
  ctx: UseCaseContext,
  cbsCode: string,
  preferences: readonly { start: string; end: string }[],
): Promise<StoredSignup> {
  const municipality = findMunicipalityByCbsCode(cbsCode);
  return unwrap(
    await registerSignup(ctx, {
      cbsCode,
      contact: {
        name: 'Kabinet van de burgemeester',
        email: `burgemeester@${municipality?.domain}`,
      },
      preferences,
      scanStatus: 'onbekend',
      remarks: '',
    }),
  );
}

export async function plan(
  ctx: UseCaseContext,
  request: PlanCampaignRequest = {},
  options: Parameters<typeof planCampaign>[2] = {},
): Promise<CampaignPlan> {
  const result = unwrap(await planCampaign(ctx, request, options));
  if (result.kind === 'refused') throw new Error(`plan refused: ${result.error.message.en}`);
  return result;
}

export async function refused(
  ctx: UseCaseContext,
  request: PlanCampaignRequest = {},
): Promise<PlanRefused> {
  const result = unwrap(await planCampaign(ctx, request));
  if (result.kind !== 'refused') throw new Error('expected the plan to be refused');
  return result;
}

export async function apply(ctx: UseCaseContext, made: CampaignPlan): Promise<ApplyProgress> {
  return unwrap(await applyPlan(ctx, made.assignments));
}

/** Both trainers accept the planned slot's hold in Outlook (the sandbox, no product traffic). */
export async function acceptPlanned(
  sandbox: Sandbox,
  m365: Microsoft365,
  made: CampaignPlan,
): Promise<void> {
  for (const a of made.assignments) {
    const stored = await m365.statusLog.read(a.signupId);
    const eventId = stored?.signup.options.find((o) => o.slotIndex === a.slotIndex)?.eventId;
    if (!eventId) throw new Error(`no hold for ${a.signupId} option ${a.slotIndex}`);
    respondToEvent(sandbox.ctx, a.berenschot, eventId, 'accept');
    respondToEvent(sandbox.ctx, a.riec, eventId, 'accept');
  }
}

/** Syncs the organizer's answers and confirms every planned slot; the failures by code. */
export async function confirmPlanned(
  ctx: UseCaseContext,
  made: CampaignPlan,
): Promise<{ confirmed: SignupId[]; failed: { id: SignupId; code: string }[] }> {
  await syncAnswers(ctx, ctx.access.email);
  const confirmed: SignupId[] = [];
  const failed: { id: SignupId; code: string }[] = [];
  for (const a of made.assignments) {
    const result = await confirmSlot(ctx, a.signupId, a.slotIndex);
    if (result.ok) confirmed.push(a.signupId);
    else {
      const failure = result.failure;
      failed.push({
        id: a.signupId,
        code: failure.kind === 'rejected' ? failure.issue.code : failure.kind,
      });
    }
  }
  return { confirmed, failed };
}
