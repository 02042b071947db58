// A confirmed workshop's sign-up and its sheet (issue 14, item 4) as the API returns them: for the
// add-in's office-addin-mock tests and the pane in Chromium (tests/e2e/addin-sheet.test.ts).
import type { TAttendeeView, TWorkshopSheet } from '../../../../src/contract/index.js';
import type { TGetMeResponse, TSignupView } from '../../../../src/web/common/api/api-types.js';
import { FATIMA, MARIEKE, SLOTS, option, signupView } from '../../support/fixtures.js';

/** Fatima Amrani, the RIEC trainer of the pair, as GET /me answers for her. */
export const FATIMA_ME: TGetMeResponse = {
  userId: '5f1c7a4d',
  name: 'Fatima Amrani',
  email: 'Fatima.Amrani@riec.nl',
  roles: ['trainer'],
  riecs: [],
  canReadAll: false,
  permissions: ['me:read', 'campaign:read', 'workshops:read-own'],
};

export const WORKSHOP = 'Workshop weerbaarheid, integriteit en ondermijning';
export const SLOT = SLOTS[0]!;

export const CONFIRMED: TSignupView = signupView({
  id: '12',
  status: 'bevestigd',
  confirmedSlot: SLOT,
  options: [
    option(
      0,
      { berenschot: 'accepted', riec: 'accepted' },
      { isConfirmed: true, hold: 'finalized' },
    ),
    option(1, {}, { hold: 'released' }),
    option(2, {}, { hold: 'released' }),
  ],
});

export const ATTENDEES: TAttendeeView[] = [
  {
    id: 'p1',
    name: 'Wilhelmina Zonnebloem',
    party: 'Partij Zilvermeeuw',
    side: 'coalitie',
    role: 'raadslid',
  },
  {
    id: 'p2',
    name: 'Cornelia Boterbloem',
    party: 'Lijst Korenwolf',
    side: 'oppositie',
    role: 'raadslid',
  },
  {
    id: 'p3',
    name: 'Barend Kwikstaart',
    party: 'Partij Zilvermeeuw',
    side: 'coalitie',
    role: 'raadslid',
  },
  {
    id: 'p4',
    name: 'Dirkje Sleedoorn',
    party: 'Lijst Korenwolf',
    side: 'oppositie',
    role: 'burgerlid',
  },
  { id: 'p5', name: 'Kees Grutto', party: null, side: 'onbekend', role: 'burgemeester' },
];

function score(coalitie: number, oppositie: number) {
  return {
    size: coalitie + oppositie,
    coalitie,
    oppositie,
    onbekend: 0,
    idealCoalitie: 1,
    deviation: 0,
    parties: [],
  };
}

export function sheet(overrides: Partial<TWorkshopSheet> = {}): TWorkshopSheet {
  return {
    signupId: '12',
    municipality: 'Haarlem',
    slot: SLOT,
    location: 'Gemeentehuis Haarlem',
    pair: { berenschot: MARIEKE, riec: FATIMA },
    contact: { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' },
    scanStatus: 'gedaan',
    scan: { themes: ['vastgoed', 'integriteit'], other: 'havens', scanDate: '2026-10-01' },
    attendees: null,
    groups: null,
    savedAt: null,
    ...overrides,
  };
}

export const WITH_GROUPS = sheet({
  attendees: ATTENDEES,
  groups: {
    seed: 1,
    groups: [
      { number: 1, members: ['p1', 'p2'], score: score(1, 1) },
      { number: 2, members: ['p3', 'p4'], score: score(1, 1) },
    ],
    outside: ['p5'],
    score: { deviation: 0, lowerBound: 0, verdict: 'optimaal', rulesHold: true, roomShare: 0.5 },
    notes: [],
  },
  savedAt: '2026-12-01T10:00:00.000Z',
});
