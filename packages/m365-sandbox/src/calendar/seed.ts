// Seeded calendars: realistic, deterministic busy time for the trainers, account holders and the
// coordinator, from two weeks before the anchor day to about five months after it. What matters
// for planning workshops for council members is the evenings (councils meet at night), so every
// advisor is busy on one to three evenings a week, on different days per person; some take a
// holiday week (out of office), some items are tentative, a few days are spent elsewhere.
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { SandboxContext } from '../context.js';
import { PEOPLE, type SeedPerson } from '../seed/people.js';
import { insertEvent, nextChangeSeq } from './store.js';
import { formatInstant, NEVER } from './time-zones.js';
import type { EventData, ShowAs, StoredEvent } from './types.js';

const ZONE = 'Europe/Amsterdam';
const WINDOWS_ZONE = 'W. Europe Standard Time';
const DAYS_BEFORE = 14;
const DAYS_AFTER = 150;

/** mulberry32: small, seeded, good enough to vary calendars; never Math.random. */
function prng(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GEMEENTEN = [
  'Alkmaar',
  'Amstelveen',
  'Beverwijk',
  'Bloemendaal',
  'Castricum',
  'Den Helder',
  'Diemen',
  'Dijk en Waard',
  'Edam-Volendam',
  'Enkhuizen',
  'Gooise Meren',
  'Haarlem',
  'Haarlemmermeer',
  'Heemskerk',
  'Heemstede',
  'Heiloo',
  'Hilversum',
  'Hollands Kroon',
  'Hoorn',
  'Huizen',
  'Medemblik',
  'Purmerend',
  'Schagen',
  'Texel',
  'Uithoorn',
  'Velsen',
  'Waterland',
  'Zaanstad',
  'Zandvoort',
];

const DAY_ITEMS: Record<SeedPerson['tenant'], readonly string[]> = {
  riec: [
    'Teamoverleg',
    'Casusoverleg ondermijning',
    'Bilateraal met gemeente {g}',
    'Stuurgroep RIEC',
    'Intake weerbaarheidsscan {g}',
    'Afstemming politie en OM',
    'Werkoverleg bestuurlijke aanpak',
    'Voorbereiding workshop weerbaarheid',
    '1-op-1 met leidinggevende',
    'Kennissessie integriteit',
  ],
  berenschot: [
    'Projectoverleg openbaar bestuur',
    'Klantgesprek gemeente {g}',
    'Interne kennisdeling',
    'Acquisitiegesprek',
    'Rapportage integriteitsonderzoek {g}',
    'Teamoverleg Berenschot',
    'Voorbereiding workshop weerbaarheid',
    'Interview bestuurder {g}',
  ],
};

const EVENING_ITEMS = [
  'Raadsvergadering {g}',
  'Commissievergadering {g}',
  'Raadsinformatieavond {g}',
  'Presentatie ondermijning voor de raad van {g}',
  'Werksessie raad {g}',
];

type Pick = <T>(items: readonly T[]) => T;

interface ItemSpec {
  subject: string;
  startMs: number;
  endMs: number;
  showAs: ShowAs;
  categories: string[];
  location: string;
  isAllDay?: boolean;
}

/** One person's items, day by day, without overlaps between daytime items. */
function planPerson(person: SeedPerson, anchor: DateTime, random: () => number): ItemSpec[] {
  const pick: Pick = (items) =>
    items[Math.floor(random() * items.length)] as (typeof items)[number];
  const isTrainer = person.roles.includes('Workshop.Trainer');
  const busyness = isTrainer ? 1.3 : person.roles.includes('Workshop.Coordinator') ? 1 : 1.7;
  // Council evenings: one or two fixed weekdays (Mon–Thu) per advisor, plus a loose extra one.
  const fixedEvenings = new Set<number>([1 + Math.floor(random() * 4)]);
  if (isTrainer && random() < 0.6) fixedEvenings.add(1 + Math.floor(random() * 4));
  const holidayWeek = random() < 0.45 ? 2 + Math.floor(random() * 16) : undefined;
  const first = anchor.minus({ days: DAYS_BEFORE }).startOf('week');
  const items: ItemSpec[] = [];
  // Weekdays never contain a DST switch (Sundays do), so minutes after midnight are exact.
  const at = (day: DateTime, minutes: number) => day.toMillis() + minutes * 60_000;

  for (
    let day = first, index = 0;
    day < anchor.plus({ days: DAYS_AFTER });
    day = day.plus({ days: 1 }), index++
  ) {
    const week = Math.floor(index / 7);
    if (day.weekday === 1 && week === holidayWeek) {
      items.push({
        subject: 'Vakantie',
        startMs: day.toMillis(),
        endMs: day.plus({ days: 5 }).toMillis(),
        showAs: 'oof',
        categories: ['Vakantie'],
        location: '',
        isAllDay: true,
      });
    }
    if (day.weekday > 5 || week === holidayWeek) continue;
    if (random() < 0.05) {
      items.push({
        subject: `Werken op locatie ${pick(GEMEENTEN)}`,
        startMs: at(day, 9 * 60),
        endMs: at(day, 17 * 60),
        showAs: 'workingElsewhere',
        categories: ['Extern'],
        location: '',
      });
      continue;
    }
    const count = Math.floor(random() * busyness * 3);
    const taken: [number, number][] = [];
    for (let n = 0; n < count; n++) {
      const start = 9 * 60 + 30 * Math.floor(random() * 15);
      const end = Math.min(start + pick([30, 60, 60, 90, 120]), 17 * 60 + 30);
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      const subject = pick(DAY_ITEMS[person.tenant]).replace('{g}', pick(GEMEENTEN));
      items.push({
        subject,
        startMs: at(day, start),
        endMs: at(day, end),
        showAs: random() < 0.1 ? 'tentative' : 'busy',
        categories: [
          subject.includes('gemeente') || subject.includes('Klant') ? 'Extern' : 'Overleg',
        ],
        location:
          random() < 0.4 ? 'Microsoft Teams-vergadering' : `Kantoor ${person.officeLocation}`,
      });
    }
    const extraEvening = isTrainer && random() < 0.35 && day.weekday === 2 + (week % 3);
    if ((isTrainer || random() < 0.12) && (fixedEvenings.has(day.weekday) || extraEvening)) {
      const g = pick(GEMEENTEN);
      const start = pick([19 * 60, 19 * 60 + 30, 20 * 60]);
      items.push({
        subject: pick(EVENING_ITEMS).replace('{g}', g),
        startMs: at(day, start),
        endMs: at(day, start + pick([120, 150, 180])),
        showAs: random() < 0.15 ? 'tentative' : 'busy',
        categories: ['Raad'],
        location: `Gemeentehuis ${g}`,
      });
    }
  }
  return items;
}

function seededId(prefix: string, seed: string, bytes: number): string {
  return (
    prefix + createHash('sha512').update(seed).digest().subarray(0, bytes).toString('base64url')
  );
}

/** Fills the seeded users' calendars around `anchor` (YYYY-MM-DD, Europe/Amsterdam). */
export function seedCalendars(ctx: SandboxContext, anchor: string): void {
  const anchorDay = DateTime.fromISO(anchor, { zone: ZONE }).startOf('day');
  if (!anchorDay.isValid) throw new Error(`Seed anchor '${anchor}' is not a date (YYYY-MM-DD).`);
  const created = formatInstant(anchorDay.minus({ days: 30 }).plus({ hours: 9 }).toMillis());
  let seq = nextChangeSeq(ctx.db);
  for (const person of PEOPLE) {
    if (person.roles.includes('Workshop.Admin')) continue;
    // Seeded by the person alone, and laid out from the Monday two weeks before the anchor's
    // week: the calendars look the same relative to the current week whatever day the sandbox
    // is seeded, so "three Tuesday evenings from now" meets the same agendas every day a demo or
    // a test runs (seeding by the date made tests pass one day and fail the next).
    const random = prng(person.id);
    const organizer = { name: `${person.givenName} ${person.surname}`, address: person.upn };
    planPerson(person, anchorDay, random).forEach((item, n) => {
      const key = `${person.id}/${anchor}/${n}`;
      const event: StoredEvent = {
        id: seededId('AAMkAG', key, 48),
        ownerId: person.id,
        iCalUId: seededId('040000008200E00074C5B7101A82E00800000000', key, 24).toUpperCase(),
        organizerEventId: null,
        isOrganizer: true,
        transactionId: null,
        transactionFingerprint: null,
        state: 'active',
        startMs: item.startMs,
        endMs: item.endMs,
        createdDateTime: created,
        lastModifiedDateTime: created,
        changeKey: seededId('', `${key}/ck`, 12),
        changeSeq: seq,
        createdSeq: seq,
        data: seedData(item, organizer),
      };
      seq++;
      insertEvent(ctx.db, event);
    });
  }
}

function seedData(item: ItemSpec, organizer: { name: string; address: string }): EventData {
  const location = item.location
    ? {
        displayName: item.location,
        locationType: 'default',
        uniqueId: item.location,
        uniqueIdType: 'private',
        address: {},
        coordinates: {},
      }
    : {
        displayName: '',
        locationType: 'default',
        uniqueIdType: 'unknown',
        address: {},
        coordinates: {},
      };
  return {
    subject: item.subject,
    body: { contentType: 'text', content: '' },
    importance: 'normal',
    sensitivity: 'normal',
    showAs: item.showAs,
    isAllDay: item.isAllDay ?? false,
    isCancelled: false,
    isDraft: false,
    isReminderOn: !item.isAllDay,
    reminderMinutesBeforeStart: item.isAllDay ? 1080 : 15,
    responseRequested: true,
    allowNewTimeProposals: true,
    hideAttendees: false,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    categories: item.categories,
    location,
    locations: item.location ? [location] : [],
    attendees: [],
    organizer,
    responseStatus: { response: 'organizer', time: NEVER },
    originalStartTimeZone: WINDOWS_ZONE,
    originalEndTimeZone: WINDOWS_ZONE,
  };
}
