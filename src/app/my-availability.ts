// "Mijn beschikbaarheid" (issue 12): a trainer reads and states the evenings and day parts they
// can or cannot work in the campaign window. Who the trainer is follows from the caller's
// account (tid+oid) in the trainer list, never from an e-mail claim: only the trainer whose
// account it is reads or writes a statement, and the request cannot name anyone else.
import { readCurrentCampaign } from './campaigns.js';
import type { TrainerEntry } from '../domain/ports.js';
import {
  normaliseStatement,
  validateStatement,
  type AvailabilityStatement,
} from '../domain/stated-availability.js';
import type { PlainDate } from '../domain/time.js';
import type { UseCaseContext } from './context.js';
import { failWith, succeed, type Outcome } from './outcome.js';

export interface MyAvailability extends AvailabilityStatement {
  readonly trainer: TrainerEntry;
  readonly window: { readonly start: PlainDate; readonly end: PlainDate };
  /** When the trainer last saved; null when they stated nothing yet. */
  readonly updatedAt: string | null;
}

/** The caller as a trainer of the pool, matched on their account (tenant id and object id). */
async function callerAsTrainer(ctx: UseCaseContext): Promise<TrainerEntry | undefined> {
  if (!ctx.access.roles.includes('trainer')) return undefined;
  const trainers = await ctx.state.trainers.get(ctx.m365.trainers);
  return trainers.find(
    (t) =>
      t.account !== undefined &&
      t.account.tenantId === ctx.access.tenantId &&
      t.account.objectId === ctx.access.userId,
  );
}

const accountOf = (ctx: UseCaseContext) => ({
  tenantId: ctx.access.tenantId,
  objectId: ctx.access.userId,
});

export async function readMyAvailability(ctx: UseCaseContext): Promise<Outcome<MyAvailability>> {
  const trainer = await callerAsTrainer(ctx);
  if (!trainer) return failWith({ kind: 'forbidden', reason: 'role' });
  const campaign = await readCurrentCampaign(ctx);
  const stored = await ctx.m365.statedAvailability.read(campaign.id, accountOf(ctx));
  return succeed({
    trainer,
    window: campaign.window,
    weekly: stored?.weekly ?? [],
    dates: stored?.dates ?? [],
    updatedAt: stored?.updatedAt || null,
  });
}

export async function saveMyAvailability(
  ctx: UseCaseContext,
  statement: AvailabilityStatement,
): Promise<Outcome<MyAvailability>> {
  const trainer = await callerAsTrainer(ctx);
  if (!trainer) return failWith({ kind: 'forbidden', reason: 'role' });
  const now = ctx.now();
  const campaign = await readCurrentCampaign(ctx);
  const issues = validateStatement(statement, campaign.window);
  if (issues.length > 0) return failWith({ kind: 'invalid', issues, warnings: [] });
  const account = accountOf(ctx);
  const current = await ctx.m365.statedAvailability.read(campaign.id, account);
  const normalised = normaliseStatement(statement);
  const written = await ctx.m365.statedAvailability.write(
    {
      campaignId: campaign.id,
      account,
      trainer: trainer.email,
      updatedAt: now.toISOString(),
      ...normalised,
    },
    current?.stored,
  );
  if (!written.ok) return failWith({ kind: 'conflict', reason: 'concurrentChange' });
  return succeed({
    trainer,
    window: campaign.window,
    weekly: normalised.weekly,
    dates: normalised.dates,
    updatedAt: written.statement.updatedAt,
  });
}
