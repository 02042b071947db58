// Why a sign-up could not be planned, computed from the data after the plan is made: per
// preferred slot, which role has no trainer left and what stopped each of them.
import type { TrainerRole } from '../campaign.js';
import { TrainerBookings } from './bookings.js';
import { blockText, listOf, roleName, slotText, texts } from './messages.js';
import { eligibleTrainers, trainerBlockBeforePlanning } from './problem.js';
import type { Choice, Problem } from './problem.js';
import type { SlotVerdict, Texts, TrainerBlock, UnplannedCode, UnplannedSignup } from './types.js';

type RoleVerdict = {
  readonly role: TrainerRole;
  readonly trainers: readonly { readonly trainerId: string; readonly block: TrainerBlock }[];
};

/** What mainly stops one role in one slot: nobody free, everybody at maximum, or taken. */
function dominant(verdict: RoleVerdict): 'noFree' | 'maximum' | 'taken' {
  const kinds = verdict.trainers.map((t) => t.block.kind);
  if (kinds.includes('workshop')) return 'taken';
  if (kinds.includes('weekMaximum') || kinds.includes('campaignMaximum')) return 'maximum';
  return 'noFree';
}

export function explainUnplanned(
  problem: Problem,
  decided: readonly Choice[],
): (signup: number) => UnplannedSignup {
  const bookings = new TrainerBookings(problem);
  for (const choice of decided) bookings.add(choice);
  const eligible = eligibleTrainers(problem.trainers);
  const nameOf = (trainerId: string) =>
    problem.trainers[problem.trainerIndex.get(trainerId)!]!.trainer.name;

  return (s) => {
    const signup = problem.signups[s]!;
    const locked = problem.locked.get(s);
    const slots: SlotVerdict[] = problem.slots[s]!.map((slot): SlotVerdict => {
      if (slot.use !== 'ok') return { slotIndex: slot.slotIndex, kind: slot.use };
      const pools: [TrainerRole, readonly number[]][] = [
        ['berenschot', locked ? [locked.berenschot] : eligible.berenschot],
        ['riec', locked ? [locked.riec] : (eligible.riec.get(signup.riec) ?? [])],
      ];
      const roles: RoleVerdict[] = [];
      for (const [role, pool] of pools) {
        const trainers = pool.map((t) => ({
          trainerId: problem.trainers[t]!.trainer.id,
          block: trainerBlockBeforePlanning(problem, s, slot, t) ?? bookings.blockFor(t, slot),
        }));
        if (trainers.every((t) => t.block !== null)) {
          roles.push({
            role,
            trainers: trainers as { trainerId: string; block: TrainerBlock }[],
          });
        }
      }
      return roles.length > 0
        ? { slotIndex: slot.slotIndex, kind: 'blocked', roles }
        : { slotIndex: slot.slotIndex, kind: 'open' };
    });

    const blocked = slots.flatMap((v) => (v.kind === 'blocked' ? v.roles : []));
    const code = codeOf(slots, blocked, locked !== undefined);
    const trainerIds = namedTrainers(code, blocked, locked, problem);
    const headline = headlineOf(code, signup.name, signup.riec, trainerIds.map(nameOf));
    const details = slots.map((v) =>
      slotDetail(v, problem.signups[s]!.preferences, signup.riec, nameOf),
    );
    return {
      signupId: signup.id,
      outcome: 'unplanned',
      code,
      slots,
      trainerIds,
      message: texts(
        `${headline.nl} ${details.map((d) => d.nl).join(' ')}`,
        `${headline.en} ${details.map((d) => d.en).join(' ')}`,
      ),
    };
  };
}

function codeOf(
  slots: readonly SlotVerdict[],
  blocked: readonly RoleVerdict[],
  isLocked: boolean,
): UnplannedCode {
  if (slots.every((v) => v.kind !== 'blocked' && v.kind !== 'open')) return 'SLOTS_UNUSABLE';
  if (slots.some((v) => v.kind === 'open')) return 'NOT_FOUND_IN_TIME';
  const kinds = blocked.map(dominant);
  if (kinds.includes('taken')) return 'TRAINER_TAKEN';
  if (kinds.includes('maximum')) return 'TRAINER_AT_MAXIMUM';
  return isLocked ? 'LOCKED_PAIR_NOT_FREE' : 'NO_COMMON_FREE_SLOT';
}

function namedTrainers(
  code: UnplannedCode,
  blocked: readonly RoleVerdict[],
  locked: { readonly berenschot: number; readonly riec: number } | undefined,
  problem: Problem,
): string[] {
  const ids = (kinds: readonly TrainerBlock['kind'][]) => [
    ...new Set(
      blocked.flatMap((r) =>
        r.trainers.filter((t) => kinds.includes(t.block.kind)).map((t) => t.trainerId),
      ),
    ),
  ];
  switch (code) {
    case 'TRAINER_TAKEN':
      return ids(['workshop']);
    case 'TRAINER_AT_MAXIMUM':
      return ids(['weekMaximum', 'campaignMaximum']);
    case 'LOCKED_PAIR_NOT_FREE':
      return locked
        ? [locked.berenschot, locked.riec].map((t) => problem.trainers[t]!.trainer.id)
        : [];
    default:
      return [];
  }
}

function headlineOf(code: UnplannedCode, name: string, riec: string, trainers: string[]): Texts {
  const who = listOf(trainers);
  switch (code) {
    case 'SLOTS_UNUSABLE':
      return texts(
        `${name} kan niet worden ingepland: alle voorkeursmomenten liggen in het verleden of buiten de periode van de workshop. Vraag de gemeente om nieuwe data.`,
        `${name} cannot be planned: every preferred slot is in the past or outside the workshop period. Ask the municipality for new dates.`,
      );
    case 'LOCKED_PAIR_NOT_FREE':
      return texts(
        `${name} kan niet worden ingepland: het vastgezette trainerspaar (${who.nl}) kan op geen van de voorkeursmomenten allebei. Maak het paar los of vraag de gemeente om nieuwe data.`,
        `${name} cannot be planned: the locked trainer pair (${who.en}) is not available together at any preferred slot. Release the pair or ask the municipality for new dates.`,
      );
    case 'NO_COMMON_FREE_SLOT':
      return texts(
        `${name} kan niet worden ingepland: op geen van de voorkeursmomenten zijn een Berenschot-adviseur en een adviseur van ${riec} allebei beschikbaar. Vraag de gemeente om nieuwe data.`,
        `${name} cannot be planned: at none of the preferred slots are a Berenschot advisor and an advisor of ${riec} both available. Ask the municipality for new dates.`,
      );
    case 'TRAINER_AT_MAXIMUM':
      return texts(
        `${name} kan niet worden ingepland: de trainers die beschikbaar zijn, hebben hun maximum aantal workshops al (${who.nl}). Verhoog het maximum of vraag de gemeente om nieuwe data.`,
        `${name} cannot be planned: the available trainers already have their maximum number of workshops (${who.en}). Raise the maximum or ask the municipality for new dates.`,
      );
    case 'TRAINER_TAKEN':
      return texts(
        `${name} kan niet worden ingepland: de trainers die beschikbaar zijn, geven op die momenten al een andere workshop (${who.nl}). Vraag de gemeente om nieuwe data.`,
        `${name} cannot be planned: the available trainers already give another workshop at those times (${who.en}). Ask the municipality for new dates.`,
      );
    case 'NOT_FOUND_IN_TIME':
      return texts(
        `${name} is niet ingepland: binnen de tijdslimiet is geen plek gevonden, maar die is er misschien wel. Plan opnieuw met meer tijd.`,
        `${name} is not planned: no place was found within the time limit, though there may be one. Plan again with more time.`,
      );
  }
}

function slotDetail(
  verdict: SlotVerdict,
  preferences: readonly { readonly start: string; readonly end: string }[],
  riec: string,
  nameOf: (trainerId: string) => string,
): Texts {
  const slot = slotText(preferences[verdict.slotIndex]!);
  const head = texts(
    `Voorkeur ${verdict.slotIndex + 1} (${slot.nl}):`,
    `Preference ${verdict.slotIndex + 1} (${slot.en}):`,
  );
  switch (verdict.kind) {
    case 'past':
      return texts(`${head.nl} ligt in het verleden.`, `${head.en} is in the past.`);
    case 'outsideWindow':
      return texts(
        `${head.nl} valt buiten de periode van de workshop.`,
        `${head.en} is outside the workshop period.`,
      );
    case 'invalid':
      return texts(`${head.nl} is geen geldig moment.`, `${head.en} is not a valid time.`);
    case 'open':
      return texts(`${head.nl} is misschien nog mogelijk.`, `${head.en} may still be possible.`);
    case 'blocked': {
      const parts = verdict.roles.map((r) => {
        const role = roleName(r.role, riec);
        const groups = groupByBlock(r.trainers, nameOf);
        return texts(
          `geen ${role.nl} beschikbaar (${groups.map((g) => g.nl).join('; ')})`,
          `no ${role.en} available (${groups.map((g) => g.en).join('; ')})`,
        );
      });
      return texts(
        `${head.nl} ${parts.map((p) => p.nl).join(', en ')}.`,
        `${head.en} ${parts.map((p) => p.en).join(', and ')}.`,
      );
    }
  }
}

/** "Anna en Bram: bezet; Cees: geeft dan de workshop bij Haarlem". */
function groupByBlock(
  trainers: readonly { readonly trainerId: string; readonly block: TrainerBlock }[],
  nameOf: (trainerId: string) => string,
): Texts[] {
  const groups = new Map<string, { block: TrainerBlock; names: string[] }>();
  for (const { trainerId, block } of trainers) {
    if (block.kind === 'notInLockedPair') continue;
    const key = blockText(block).nl;
    const group = groups.get(key) ?? { block, names: [] };
    group.names.push(nameOf(trainerId));
    groups.set(key, group);
  }
  return [...groups.values()].map(({ block, names }) => {
    const who = listOf(names);
    const text = blockText(block, names.length);
    return texts(`${who.nl}: ${text.nl}`, `${who.en}: ${text.en}`);
  });
}
