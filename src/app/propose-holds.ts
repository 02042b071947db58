// Placing the three tentative holds with the chosen trainer pair (at most 3 sequential round
// trips: read, intent + holds, log + final state — whatever the number of trainers).
// Before it places anything it looks at what the product itself knows about the two trainers:
// a confirmed workshop or another sign-up's open hold at (or too close to) one of the slots.
// Those are asked about first (HOLD_OVERLAPS_*): a hold on a taken evening cannot become the
// workshop, and competing holds mean only the first confirm gets the trainer.
import { findCampaign } from './campaigns.js';
import type { TrainerRole } from '../domain/campaign.js';
import { createIssue, type DomainIssue } from '../domain/errors.js';
import type { SignupId } from '../domain/ids.js';
import { hasStarted } from '../domain/lifecycle-rules.js';
import type { StoredSignup } from '../domain/ports.js';
import type { Signup, Trainer } from '../domain/signup.js';
import { clashingBookings, isTooClose, type TrainerAgenda } from '../domain/trainer-agenda.js';
import { canPlanFor } from './access.js';
import { applyCommand } from './apply-command.js';
import type { UseCaseContext } from './context.js';
import { failWith, type Outcome } from './outcome.js';

export interface PairChoice {
  readonly berenschot: string;
  readonly riec: string;
  /** The account holder saw the overlaps and wants the holds anyway. */
  readonly acknowledgeOverlaps?: boolean | undefined;
}

const DEFAULT_BUFFER_MINUTES = 60;

interface TrainerKnowledge {
  readonly agendas: readonly TrainerAgenda[];
  /** Sign-ups with open holds with either trainer. */
  readonly holding: readonly StoredSignup[];
}

async function whatWeKnow(
  ctx: UseCaseContext,
  addresses: readonly string[],
): Promise<TrainerKnowledge> {
  const [agendas, ...holding] = await Promise.all([
    ctx.m365.agendas.read(addresses),
    ...addresses.map((trainer) =>
      ctx.m365.statusLog.list({ trainer, statuses: ['opties_geplaatst'] }),
    ),
  ]);
  // A sign-up that holds both trainers comes back from both queries: once is enough.
  const byId = new Map(holding.flat().map((stored) => [stored.signup.id, stored]));
  return { agendas, holding: [...byId.values()] };
}

/** Every future slot of `signup` that clashes with what the trainers already have. */
export function findOverlaps(
  signup: Signup,
  pair: Readonly<Record<TrainerRole, Trainer>>,
  known: TrainerKnowledge,
  bufferMinutes: number,
  now: Date,
): DomainIssue[] {
  const issues: DomainIssue[] = [];
  signup.preferences.forEach((slot, index) => {
    if (hasStarted(slot.start, now)) return;
    for (const role of ['berenschot', 'riec'] as const) {
      const trainer = pair[role];
      const address = trainer.email.toLowerCase();
      const agenda = known.agendas.find((a) => a.trainer === address);
      for (const booking of agenda ? clashingBookings(agenda, slot, signup.id, bufferMinutes) : [])
        issues.push(
          createIssue('HOLD_OVERLAPS_WORKSHOP', `preferences.${index}`, {
            index,
            trainer: trainer.name,
            municipality: booking.municipality,
            start: booking.start,
          }),
        );
      for (const other of known.holding) {
        const s = other.signup;
        if (s.id === signup.id) continue;
        const holdsHer = [s.pair?.berenschot.email, s.pair?.riec.email].some(
          (email) => email?.toLowerCase() === address,
        );
        if (!holdsHer) continue;
        for (const option of s.options) {
          if (option.hold !== 'open' || !isTooClose(option.slot, slot, bufferMinutes)) continue;
          issues.push(
            createIssue('HOLD_OVERLAPS_HOLD', `preferences.${index}`, {
              index,
              trainer: trainer.name,
              municipality: s.municipality.name,
              start: option.slot.start,
            }),
          );
        }
      }
    }
  });
  return issues;
}

export async function proposeHolds(
  ctx: UseCaseContext,
  id: SignupId,
  choice: PairChoice,
): Promise<Outcome<StoredSignup>> {
  const addresses = [choice.berenschot, choice.riec].map((a) => a.toLowerCase());
  // What the product knows of the chosen trainers is read alongside the sign-up itself.
  const [stored, trainers, known] = await Promise.all([
    ctx.m365.statusLog.read(id),
    ctx.state.trainers.get(ctx.m365.trainers),
    choice.acknowledgeOverlaps ? undefined : whatWeKnow(ctx, addresses),
  ]);
  if (!stored) return failWith({ kind: 'notFound', what: 'signup' });
  // Another RIEC's sign-up answers as a missing one: an id says nothing about who has it.
  if (!canPlanFor(ctx.access, stored.signup.riec))
    return failWith({ kind: 'notFound', what: 'signup' });
  const find = (email: string, role: Trainer['role']) =>
    trainers.find((t) => t.email.toLowerCase() === email.toLowerCase() && t.role === role);
  const berenschot = find(choice.berenschot, 'berenschot');
  const riec = find(choice.riec, 'riec');
  if (!berenschot || !riec) return failWith({ kind: 'notFound', what: 'trainer' });
  if (known && stored.signup.status === 'aangemeld') {
    const buffer =
      (await findCampaign(ctx, stored.signup.campaignId))?.trainerBufferMinutes ??
      DEFAULT_BUFFER_MINUTES;
    const overlaps = findOverlaps(stored.signup, { berenschot, riec }, known, buffer, ctx.now());
    if (overlaps.length > 0) return failWith({ kind: 'needsConfirmation', issues: overlaps });
  }
  const result = await applyCommand(ctx, stored, {
    type: 'propose',
    pair: { berenschot, riec },
    by: ctx.access.email,
  });
  if (result.ok) {
    ctx.state.signups.remember(result.value);
    ctx.state.organizers.add(result.value.signup.accountHolder.email.toLowerCase());
  }
  return result;
}
