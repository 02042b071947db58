// Views as the API returns them, for component tests: small factories with sensible defaults
// that a test overrides where it matters.
import type {
  TGetAvailabilityResponse,
  TGetMeResponse,
  TMunicipalityView,
  TOptionView,
  TSignupView,
  TTrainerAnswer,
} from '../../../src/web/common/api/api-types.js';

export const SANNE: TGetMeResponse = {
  userId: '0a6f2b9e-5c31-4e87-9d42-7b1e3c8a6f05',
  name: 'Sanne de Vries',
  email: 'sanne.devries@riec.nl',
  roles: ['accountHolder'],
  riecs: ['RIEC Noord-Holland'],
  canReadAll: false,
  permissions: [
    'me:read',
    'campaign:read',
    'signups:read',
    'signups:write',
    'signups:propose',
    'signups:confirm',
    'signups:cancel',
    'signups:sync',
  ],
};

export const MARIEKE = {
  id: 'c08d4b1e',
  name: 'Marieke van Dijk',
  email: 'marieke.vandijk@berenschot.nl',
  role: 'berenschot' as const,
};
export const FATIMA = {
  id: '5f1c7a4d',
  name: 'Fatima Amrani',
  email: 'fatima.amrani@riec.nl',
  role: 'riec' as const,
};

/** Three evenings in December 2026 (winter time, UTC+1): 19:30–22:30 in Amsterdam. */
export const SLOTS = [15, 16, 17].map((day, slotIndex) => ({
  slotIndex,
  start: `2026-12-${day}T18:30:00.000Z`,
  end: `2026-12-${day}T21:30:00.000Z`,
}));

const DAYS = ['dinsdag', 'woensdag', 'donderdag'];

export function option(
  slotIndex: number,
  answers: { berenschot?: TTrainerAnswer; riec?: TTrainerAnswer } = {},
  overrides: Partial<TOptionView> = {},
): TOptionView {
  const slot = SLOTS[slotIndex]!;
  return {
    slotIndex,
    slot,
    hold: 'open',
    eventId: `event-${slotIndex}`,
    answers: { berenschot: answers.berenschot ?? 'none', riec: answers.riec ?? 'none' },
    isConfirmed: false,
    isLive: true,
    // The server's text for this option (src/app/texts.ts confirmationText), abridged.
    invitation: {
      subject: 'Workshop weerbaarheid, integriteit en ondermijning – gemeente Haarlem',
      when: `${DAYS[slotIndex]} ${15 + slotIndex} december 2026, 19.30–22.30 uur`,
      location: 'Gemeentehuis Haarlem',
      attendees: [
        { name: 'Marieke van Dijk', email: 'marieke.vandijk@berenschot.nl' },
        { name: 'Fatima Amrani', email: 'fatima.amrani@riec.nl' },
        { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' },
      ],
      paragraphs: [
        'Geachte Kabinet van de burgemeester,',
        `Hierbij bevestigen wij de workshop weerbaarheid, integriteit en ondermijning voor de raadsleden van de gemeente Haarlem op ${DAYS[slotIndex]} ${15 + slotIndex} december 2026, 19.30–22.30 uur.`,
        'Met vriendelijke groet,\nSanne de Vries\nAccounthouder, RIEC Noord-Holland',
      ],
    },
    ...overrides,
  };
}

export function signupView(overrides: Partial<TSignupView> = {}): TSignupView {
  return {
    id: '7',
    eTag: '"1"',
    campaignId: 'weerbaarheid-demo',
    municipality: { cbsCode: 'GM0392', name: 'Haarlem', domain: 'haarlem.nl' },
    riec: 'RIEC Noord-Holland',
    accountHolder: { name: 'Sanne de Vries', email: 'sanne.devries@riec.nl' },
    contact: { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' },
    preferences: SLOTS,
    scanStatus: 'gedaan',
    remarks: '',
    status: 'opties_geplaatst',
    registeredAt: '2026-11-28T10:00:00.000Z',
    lateOverride: null,
    pair: { berenschot: MARIEKE, riec: FATIMA },
    round: 1,
    options: [option(0), option(1), option(2)],
    optionsPlacedAt: '2026-11-28T11:00:00.000Z',
    lapsesAt: '2026-12-12T11:00:00.000Z',
    confirmedSlot: null,
    allowedActions: ['recordHoldIds', 'recordAnswers', 'confirm', 'cancel'],
    userActions: ['confirm', 'cancel'],
    confirmableSlots: [0, 1, 2].map((slotIndex) => ({ slotIndex, needsOverride: true })),
    pendingOperation: false,
    ...overrides,
  };
}

export function municipality(
  cbsCode: string,
  name: string,
  signup: TMunicipalityView['signup'] = null,
): TMunicipalityView {
  return {
    cbsCode,
    name,
    displayName: name,
    domain: `${name.toLowerCase()}.nl`,
    riec: 'RIEC Noord-Holland',
    signup,
  };
}

export function availability(): TGetAvailabilityResponse {
  return {
    municipality: { cbsCode: 'GM0392', name: 'Haarlem', riec: 'RIEC Noord-Holland' },
    slots: SLOTS,
    trainers: [
      {
        trainer: FATIMA,
        visible: true,
        availability: [
          { slotIndex: 0, availability: 'busy' },
          { slotIndex: 1, availability: 'free' },
          { slotIndex: 2, availability: 'tentative' },
        ],
      },
      {
        trainer: MARIEKE,
        visible: false,
        availability: [0, 1, 2].map((slotIndex) => ({
          slotIndex,
          availability: 'unknown' as const,
        })),
      },
    ],
    pairs: [
      {
        rank: 1,
        berenschot: MARIEKE,
        riec: FATIMA,
        slots: [
          { slotIndex: 0, verdict: 'bezet', berenschot: 'unknown', riec: 'busy' },
          { slotIndex: 1, verdict: 'berenschot_onbekend', berenschot: 'unknown', riec: 'free' },
          { slotIndex: 2, verdict: 'bezet', berenschot: 'unknown', riec: 'tentative' },
        ],
        bothFreeCount: 0,
        berenschotUnknownCount: 1,
        isViable: true,
        reason: 'optie 2: RIEC-adviseur vrij',
      },
      {
        rank: 2,
        berenschot: { ...MARIEKE, name: 'Thomas Kok', email: 'thomas.kok@berenschot.nl' },
        riec: FATIMA,
        slots: [
          { slotIndex: 0, verdict: 'bezet', berenschot: 'unknown', riec: 'busy' },
          { slotIndex: 1, verdict: 'berenschot_onbekend', berenschot: 'unknown', riec: 'free' },
          { slotIndex: 2, verdict: 'bezet', berenschot: 'unknown', riec: 'tentative' },
        ],
        bothFreeCount: 0,
        berenschotUnknownCount: 1,
        isViable: true,
        reason: 'optie 2: RIEC-adviseur vrij',
      },
    ],
  };
}
