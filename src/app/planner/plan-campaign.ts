// The province planner as a use case (issue 12, item 3): read-only. It reads the campaign's
// sign-ups, the trainer list and the trainers' agendas, asks free/busy for every candidate
// trainer and every slot in as few round trips as getSchedule and $batch allow, and returns the
// plan. Two sequential round trips whatever the size: [sign-ups, trainers] and then [agendas,
// the trainers' own statements ("Mijn beschikbaarheid"),
// one getSchedule $batch over a few windows of up to 61 days] (schedule-windows.ts).
//
// Who plans what: the coordinator plans every RIEC (a preview: applying is the account
// holders'); an account holder plans their own RIEC's sign-ups with the Berenschot advisors and
// their own RIEC's advisors, and sees what other RIECs hold those Berenschot advisors for as
// fixed (product-knowledge.ts). Re-planning is the same call: confirmed workshops stay, placed
// holds keep their pair, and declined or lapsed options drop out (plan-input.ts).
import { readCurrentCampaign } from '../campaigns.js';
import type { SignupId } from '../../domain/ids.js';
import { RIECS, type RiecName } from '../../domain/municipalities.js';
import type { StoredSignup, TrainerEntry } from '../../domain/ports.js';
import {
  DEFAULT_PLANNER_SETTINGS,
  type Plan,
  type PlannerError,
  type PlannerInput,
  type PlannerSettings,
  type SignupOutcome,
  type Texts,
} from '../../domain/planner/types.js';
import type { Trainer } from '../../domain/signup.js';
import type { Slot } from '../../domain/time.js';
import { hasStarted } from '../../domain/lifecycle-rules.js';
import { canPlanFor } from '../access.js';
import type { UseCaseContext } from '../context.js';
import { failWith, succeed, type Outcome } from '../outcome.js';
import {
  buildPlannerInput,
  statedByTrainer,
  type KeepRequest,
  type NotPlannable,
} from './plan-input.js';
import { PLAN_TEXTS } from './plan-texts.js';
import { pairIds, trainerId } from './product-knowledge.js';
import { CampaignSchedules, groupIntoWindows } from './schedule-windows.js';
import { solveInThisThread, type SolvePlan } from './solve.js';

export interface PlanCampaignRequest {
  /** Plan only this RIEC (the coordinator may name any, an account holder their own). */
  readonly riec?: RiecName;
  /** Options of placed holds to keep exactly as they are. */
  readonly keep?: readonly KeepRequest[];
  /** Sign-ups to leave out of this plan. */
  readonly leaveOut?: readonly string[];
}

export interface PlanCampaignOptions {
  /** Default: HiGHS in this thread; the server solves in a worker. */
  readonly solve?: SolvePlan;
  /** The server's settings (PLANNER_*); missing ones are the planner's defaults. */
  readonly settings?: Partial<PlannerSettings>;
}

/** One sign-up's place in the plan: what applyPlan gets back from the page. */
export interface PlanAssignment {
  readonly signupId: SignupId;
  readonly slotIndex: number;
  /** The trainers' addresses. */
  readonly berenschot: string;
  readonly riec: string;
}

export interface PlannedRow {
  readonly stored: StoredSignup;
  readonly outcome: SignupOutcome;
  /**
   * What the account holder does next: `propose` places the holds (applyPlan); `confirm` means
   * the holds are out already and this option is the one to confirm once both trainers accept.
   */
  readonly next: 'propose' | 'confirm' | null;
}

export interface CampaignPlan {
  readonly kind: 'plan';
  readonly scope: readonly RiecName[];
  readonly plan: Plan;
  /** Per sign-up in the plan, in the planner's order (registration order). */
  readonly rows: readonly PlannedRow[];
  /** Sign-ups of the planned RIECs that cannot be planned now (waiting for new dates, …). */
  readonly notPlannable: readonly NotPlannable[];
  /** Every planned sign-up's slot and pair, for applyPlan. */
  readonly assignments: readonly PlanAssignment[];
  /** The trainers the plan names, by id (their address, lower case). */
  readonly trainers: ReadonlyMap<string, Trainer>;
  /** The plan's warnings, and what was left out because trainers are missing. */
  readonly warnings: readonly Texts[];
  /** Confirmed workshops and other holds of the pool's trainers that have not ended yet. */
  readonly fixed: readonly FixedItem[];
}

/** A workshop or hold the plan takes as it is, for the timeline per trainer. */
export interface FixedItem {
  readonly kind: 'workshop' | 'hold';
  /** The municipality. */
  readonly label: string;
  readonly slot: Slot;
  /** Those of its trainers who are in the plan's pool (ids, as `trainers`). */
  readonly trainerIds: readonly string[];
}

/** The planner refused the input (no trainers of a needed kind, a keep that cannot be). */
export interface PlanRefused {
  readonly kind: 'refused';
  readonly error: PlannerError;
}

type Scope = { readonly riecs: readonly RiecName[]; readonly isProvince: boolean };

function scopeOf(ctx: UseCaseContext, riec: RiecName | undefined): Scope | undefined {
  if (riec) {
    if (!ctx.access.canReadAll && !canPlanFor(ctx.access, riec)) return undefined;
    return { riecs: [riec], isProvince: false };
  }
  if (ctx.access.canReadAll) return { riecs: [...RIECS], isProvince: true };
  if (ctx.access.riecs.length > 0) return { riecs: [...ctx.access.riecs], isProvince: false };
  return undefined;
}

async function settingsFor(
  ctx: UseCaseContext,
  given: Partial<PlannerSettings>,
): Promise<PlannerSettings> {
  const campaign = await readCurrentCampaign(ctx);
  return {
    ...DEFAULT_PLANNER_SETTINGS,
    ...given,
    // Confirming refuses a trainer closer than the campaign's buffer to another workshop: a
    // smaller planner buffer would plan what cannot be confirmed, so the larger one counts.
    bufferMinutes: Math.max(given.bufferMinutes ?? 0, campaign.trainerBufferMinutes),
  };
}

/** The trainers whose calendars matter: the pool, and the pairs of placed holds. */
function addressesToAsk(
  trainers: readonly TrainerEntry[],
  inScope: readonly StoredSignup[],
  scope: Scope,
): string[] {
  const pool = trainers
    .filter(
      (t) =>
        scope.isProvince ||
        t.role === 'berenschot' ||
        (t.riec !== undefined && scope.riecs.includes(t.riec)),
    )
    .map((t) => trainerId(t.email));
  return [...new Set([...pool, ...inScope.flatMap((s) => pairIds(s.signup))])];
}

async function solveLeavingOutMissing(
  input: PlannerInput,
  solve: SolvePlan,
  planned: ReadonlyMap<string, StoredSignup>,
): Promise<
  | { ok: true; plan: Plan; leftOut: StoredSignup[]; message: Texts | undefined }
  | { ok: false; error: PlannerError }
> {
  const first = await solve(input);
  if (first.ok) return { ok: true, plan: first.plan, leftOut: [], message: undefined };
  const missing = first.error.missing ?? [];
  // Without Berenschot advisors nothing can be planned; a RIEC without advisors only itself.
  if (first.error.code !== 'NO_TRAINERS' || missing.includes('Berenschot')) return first;
  const leftOut = [...planned.values()].filter((s) => missing.includes(s.signup.riec));
  const others = input.signups.filter(
    (s) => !missing.includes(s.riec) && !(input.leftOut ?? []).includes(s.id),
  );
  if (others.length === 0) return first;
  const again = await solve({
    ...input,
    leftOut: [...(input.leftOut ?? []), ...leftOut.map((s) => String(s.signup.id))],
  });
  if (!again.ok) return again;
  return { ok: true, plan: again.plan, leftOut, message: first.error.message };
}

export async function planCampaign(
  ctx: UseCaseContext,
  request: PlanCampaignRequest = {},
  options: PlanCampaignOptions = {},
): Promise<Outcome<CampaignPlan | PlanRefused>> {
  const scope = scopeOf(ctx, request.riec);
  if (!scope) return failWith({ kind: 'forbidden', reason: request.riec ? 'otherRiec' : 'role' });
  const now = ctx.now();
  const campaign = await readCurrentCampaign(ctx);
  const [signups, trainers] = await Promise.all([
    ctx.m365.statusLog.list({ campaignId: campaign.id }),
    ctx.state.trainers.get(ctx.m365.trainers),
  ]);
  const inScope = signups.filter((s) => scope.riecs.includes(s.signup.riec));
  // An id outside the caller's RIECs answers as a missing one: it reveals nothing.
  const ids = new Set(inScope.map((s) => String(s.signup.id)));
  const named = [...(request.keep ?? []).map((k) => k.signupId), ...(request.leaveOut ?? [])];
  if (named.some((id) => !ids.has(id))) return failWith({ kind: 'notFound', what: 'signup' });

  const slots = inScope
    .filter((s) => ['aangemeld', 'opties_geplaatst'].includes(s.signup.status))
    .flatMap((s) => s.signup.preferences)
    .filter((slot) => !hasStarted(slot.start, now));
  const windows = groupIntoWindows(slots);
  const addresses = addressesToAsk(trainers, inScope, scope);
  const [agendas, answers, statements] = await Promise.all([
    ctx.m365.agendas.read(addresses),
    windows.length > 0
      ? ctx.m365.calendar.getSchedules(ctx.access.email, addresses, windows)
      : Promise.resolve([]),
    ctx.m365.statedAvailability.list(campaign.id),
  ]);
  const schedules = new CampaignSchedules(windows, answers);

  const built = buildPlannerInput(
    {
      signups,
      trainers,
      agendas,
      stated: statedByTrainer(trainers, statements),
      scheduleAt: (a, slot) => schedules.scheduleAt(a, slot),
    },
    {
      scope: scope.riecs,
      isProvince: scope.isProvince,
      keep: request.keep ?? [],
      leaveOut: request.leaveOut ?? [],
      now,
      window: campaign.window,
      settings: await settingsFor(ctx, options.settings ?? {}),
    },
  );
  if (!built.ok) return succeed({ kind: 'refused', error: built.error });
  const { input, planned, notPlannable, fixed } = built.built;
  const solved = await solveLeavingOutMissing(input, options.solve ?? solveInThisThread, planned);
  if (!solved.ok) return succeed({ kind: 'refused', error: solved.error });
  const { plan } = solved;

  const rows: PlannedRow[] = plan.outcomes.map((outcome) => {
    const stored = planned.get(outcome.signupId)!;
    const isPlanned = outcome.outcome === 'planned';
    const next = !isPlanned ? null : stored.signup.status === 'aangemeld' ? 'propose' : 'confirm';
    return { stored, outcome, next };
  });
  const assignments = plan.outcomes.flatMap((o): PlanAssignment[] =>
    o.outcome === 'planned'
      ? [
          {
            signupId: o.signupId as SignupId,
            slotIndex: o.slotIndex,
            berenschot: o.pair.berenschotId,
            riec: o.pair.riecId,
          },
        ]
      : [],
  );
  const trainerNames = new Map<string, Trainer>();
  for (const t of trainers) trainerNames.set(trainerId(t.email), t);
  for (const { signup } of planned.values()) {
    for (const t of signup.pair ? [signup.pair.berenschot, signup.pair.riec] : []) {
      if (!trainerNames.has(trainerId(t.email))) trainerNames.set(trainerId(t.email), t);
    }
  }
  const pool = new Set(input.trainers.map((t) => t.id));
  const fixedItems = [
    ...fixed.workshops.map((w) => ({ kind: 'workshop' as const, w })),
    ...fixed.holds.map((w) => ({ kind: 'hold' as const, w })),
  ].flatMap(({ kind, w }): FixedItem[] => {
    const trainerIds = w.trainerIds.filter((id) => pool.has(id) && trainerNames.has(id));
    return trainerIds.length > 0 && Date.parse(w.slot.end) > now.getTime()
      ? [{ kind, label: w.label, slot: w.slot, trainerIds }]
      : [];
  });
  return succeed({
    kind: 'plan',
    scope: scope.riecs,
    fixed: fixedItems,
    plan,
    rows,
    notPlannable: [
      ...notPlannable,
      ...solved.leftOut.map((stored) => ({
        stored,
        code: 'NO_TRAINERS' as const,
        message: solved.message!,
      })),
    ],
    assignments,
    trainers: trainerNames,
    warnings: [
      ...plan.warnings,
      ...(solved.message ? [PLAN_TEXTS.plannedWithout(solved.message)] : []),
    ],
  });
}
