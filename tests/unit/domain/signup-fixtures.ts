// Shared test data for the sign-up tests: Haarlem signs up for the 2022 edition.
import { CAMPAIGN_2022 } from '../../../src/domain/campaign.js';
import type { Campaign } from '../../../src/domain/campaign.js';
import { toSignupId } from '../../../src/domain/ids.js';
import { registerSignup } from '../../../src/domain/lifecycle.js';
import type { CandidateTrainer } from '../../../src/domain/pairing.js';
import type {
  Signup,
  SignupRequest,
  Slot,
  TrainerPair,
  ValidPreferences,
} from '../../../src/domain/signup.js';
import { validatePreferences, validateSignup } from '../../../src/domain/signup-validation.js';

/** A moment in Amsterdam summer time, written as Dutch users think of it. */
export function cest(local: string): Date {
  return new Date(`${local}+02:00`);
}

export function slot(date: string, from: string, to: string, offset = '+02:00'): Slot {
  return { start: `${date}T${from}:00${offset}`, end: `${date}T${to}:00${offset}` };
}

/** Three evenings in June 2022, as the letter's example municipalities would pick them. */
export const JUNE_EVENINGS: readonly Slot[] = [
  slot('2022-06-14', '19:30', '22:30'), // dinsdag
  slot('2022-06-23', '19:00', '22:00'), // donderdag
  slot('2022-06-27', '19:30', '22:30'), // maandag
];

export function haarlemRequest(overrides: Partial<SignupRequest> = {}): SignupRequest {
  return {
    cbsCode: 'GM0392',
    contact: { name: 'J. de Vries', email: 'kabinet@haarlem.nl' },
    preferences: JUNE_EVENINGS,
    scanStatus: 'gedaan',
    remarks: 'Graag in de raadzaal.',
    ...overrides,
  };
}

export const PAIR: TrainerPair = {
  berenschot: {
    id: 'b-anna',
    name: 'Anna Bakker',
    email: 'a.bakker@berenschot.nl',
    role: 'berenschot',
  },
  riec: { id: 'r-pieter', name: 'Pieter de Jong', email: 'p.dejong@riec-nh.nl', role: 'riec' },
};

export function registeredSignup(
  now: Date,
  preferences: readonly Slot[] = JUNE_EVENINGS,
  campaign: Campaign = CAMPAIGN_2022,
): Signup {
  const result = validateSignup(haarlemRequest({ preferences }), campaign, now);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return registerSignup(
    {
      id: toSignupId('17'),
      campaign,
      signup: result.value,
      accountHolder: { name: 'Karin Smit', email: 'k.smit@riec-nh.nl' },
    },
    now,
  ).state;
}

export function validPreferences(
  preferences: readonly Slot[],
  now: Date,
  campaign: Campaign = CAMPAIGN_2022,
): ValidPreferences {
  const result = validatePreferences(preferences, campaign, now);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

export function candidate(
  id: string,
  name: string,
  role: 'berenschot' | 'riec',
  availability: CandidateTrainer['availability'],
): CandidateTrainer {
  return { id, name, email: `${id}@example.nl`, role, availability };
}
