// Hand-checked instances: small enough to see the best plan by eye, each about one rule or goal,
// solved by HiGHS (in-process) and by the first-come baseline.
import { describe, expect, it } from '@jest/globals';
import type { PlannerInput } from '../../../../src/domain/planner/types.js';
import {
  AA,
  SOLVER_TIMEOUT,
  berenschot,
  planExactly,
  planFirstCome,
  planned,
  plannerInput,
  riecAdvisor,
  signup,
  sketch,
  slot,
  unplanned,
} from './fixtures.js';

const anna = berenschot('anna', 'Anna de Wit');
const bram = berenschot('bram', 'Bram Hoek');
const rik = riecAdvisor('rik', 'Rik Smit');
const sara = riecAdvisor('sara', 'Sara Bos');

describe('the province planner', () => {
  it(
    'plans a municipality that first come, first served loses',
    async () => {
      // One Berenschot advisor. Alkmaar signed up first and can also do Wednesday; Bergen can only
      // do Tuesday (Anna is busy or away on its other two evenings).
      const input = plannerInput({
        signups: [
          signup('alkmaar', [slot('2026-12-01'), slot('2026-12-02'), slot('2026-12-03')]),
          signup('bergen', [slot('2026-12-01'), slot('2026-12-08'), slot('2026-12-09')]),
        ],
        trainers: [anna, rik, sara],
        freeBusy: {
          anna: { alkmaar: ['free', 'free', 'busy'], bergen: ['free', 'busy', 'oof'] },
          rik: { alkmaar: ['free', 'free', 'free'], bergen: ['free', 'free', 'free'] },
          sara: { alkmaar: ['free', 'free', 'free'], bergen: ['free', 'free', 'free'] },
        },
      });

      const firstCome = planFirstCome(input);
      expect(sketch(firstCome)).toEqual(['alkmaar: 1 anna+rik', 'bergen: –']);
      const lost = unplanned(firstCome, 'bergen');
      expect(lost.code).toBe('TRAINER_TAKEN');
      expect(lost.trainerIds).toEqual(['anna']);
      expect(lost.message.nl).toBe(
        'Bergen kan niet worden ingepland: de trainers die beschikbaar zijn, geven op die momenten al een andere workshop (Anna de Wit). Vraag de gemeente om nieuwe data. ' +
          'Voorkeur 1 (dinsdag 1 december 2026, 19.30–22.30 uur): geen Berenschot-adviseur beschikbaar (Anna de Wit: geeft dan (of kort ervoor of erna) de workshop bij Alkmaar). ' +
          'Voorkeur 2 (dinsdag 8 december 2026, 19.30–22.30 uur): geen Berenschot-adviseur beschikbaar (Anna de Wit: bezet). ' +
          'Voorkeur 3 (woensdag 9 december 2026, 19.30–22.30 uur): geen Berenschot-adviseur beschikbaar (Anna de Wit: afwezig).',
      );
      expect(lost.message.en).toMatch(
        /^Bergen cannot be planned: the available trainers already give another workshop/,
      );

      const exact = await planExactly(input);
      expect(exact.status).toBe('optimal');
      expect(exact.gap).toBe(0);
      expect(exact.metrics).toMatchObject({ planned: 2, unplanned: 0, rankSum: 3 });
      expect(planned(exact, 'alkmaar')).toMatchObject({ rank: 2, slot: slot('2026-12-02') });
      expect(planned(exact, 'bergen')).toMatchObject({ rank: 1, slot: slot('2026-12-01') });
      expect(exact.summary.nl).toBe('2 van de 2 aanmeldingen zijn ingepland.');
    },
    SOLVER_TIMEOUT,
  );

  it(
    'gives two municipalities the one RIEC advisor on different evenings instead of the same one',
    async () => {
      // The benchmark's refusal: two municipalities held the same RIEC advisor on the same
      // evening. Here the own RIEC has one advisor, free on Tuesday and Thursday.
      const input = plannerInput({
        signups: [
          signup('edam', [slot('2026-12-01'), slot('2026-12-03')]),
          signup('hoorn', [slot('2026-12-01'), slot('2026-12-02')]),
        ],
        trainers: [anna, bram, rik],
        freeBusy: {
          anna: { edam: ['free', 'free'], hoorn: ['free', 'free'] },
          bram: { edam: ['free', 'free'], hoorn: ['free', 'free'] },
          rik: { edam: ['free', 'free'], hoorn: ['free', 'busy'] },
        },
      });
      expect(sketch(planFirstCome(input))).toEqual(['edam: 1 anna+rik', 'hoorn: –']);
      const exact = await planExactly(input);
      expect(planned(exact, 'edam')).toMatchObject({ rank: 2, pair: { riecId: 'rik' } });
      expect(planned(exact, 'hoorn')).toMatchObject({ rank: 1, pair: { riecId: 'rik' } });
      // Either Berenschot advisor may take either evening; one each is the even spread.
      expect(exact.metrics.spread.berenschot).toBe(0);
    },
    SOLVER_TIMEOUT,
  );

  it(
    'chooses better preference ranks when the number planned is equal',
    async () => {
      // Anna is the only Berenschot advisor. First come: A Tuesday (1st), B Wednesday (3rd) = 4.
      // Best: A Wednesday (2nd), B Tuesday (1st) = 3.
      const input = plannerInput({
        signups: [
          signup('a', [slot('2026-12-01'), slot('2026-12-02'), slot('2026-12-03')]),
          signup('b', [slot('2026-12-01'), slot('2026-12-04'), slot('2026-12-02', '14:00')]),
        ],
        trainers: [anna, rik, sara],
        freeBusy: { anna: { a: ['free', 'free', 'free'], b: ['free', 'busy', 'free'] } },
        settings: { bufferMinutes: 60 },
      });
      const firstCome = planFirstCome(input);
      expect(firstCome.metrics).toMatchObject({ planned: 2, rankSum: 4 });
      const exact = await planExactly(input);
      expect(exact.metrics).toMatchObject({ planned: 2, rankSum: 3, loadSquares: 4 + 1 + 1 });
      expect(planned(exact, 'a').rank).toBe(2);
      expect(planned(exact, 'b').rank).toBe(1);
    },
    SOLVER_TIMEOUT,
  );

  it(
    'keeps the buffer between two workshops of one trainer on one day',
    async () => {
      const afternoon = slot('2026-12-01', '14:00'); // 14:00–17:00
      const evening = slot('2026-12-01', '17:30'); // 30 minutes later
      const base = {
        signups: [signup('a', [afternoon]), signup('b', [evening])],
        trainers: [anna, rik],
        freeBusy: { anna: { a: ['free' as const], b: ['free' as const] } },
      };
      const strict = await planExactly(plannerInput(base));
      expect(strict.metrics.planned).toBe(1);
      const left = strict.outcomes.find((o) => o.outcome === 'unplanned');
      expect(left?.outcome === 'unplanned' && left.code).toBe('TRAINER_TAKEN');
      const relaxed = await planExactly(plannerInput({ ...base, settings: { bufferMinutes: 30 } }));
      expect(relaxed.metrics.planned).toBe(2);
    },
    SOLVER_TIMEOUT,
  );

  it(
    'counts confirmed workshops towards the weekly and the campaign maximum',
    async () => {
      const input: PlannerInput = plannerInput({
        signups: [signup('a', [slot('2026-12-02')]), signup('b', [slot('2026-12-09')])],
        trainers: [anna, rik],
        confirmed: [
          {
            id: 'w1',
            label: 'Texel',
            slot: slot('2026-12-01'),
            trainerIds: ['anna', 'other-riec-advisor'],
          },
        ],
        settings: { maxPerWeek: 1, maxPerCampaign: 2 },
      });
      const plan = await planExactly(input);
      // Anna already gives Texel's workshop that week; the week after has room, once.
      expect(sketch(plan)).toEqual(['a: –', 'b: 1 anna+rik']);
      const reason = unplanned(plan, 'a');
      expect(reason.code).toBe('TRAINER_AT_MAXIMUM');
      expect(reason.trainerIds).toEqual(['anna']);
      expect(reason.message.nl).toContain('(Anna de Wit: heeft die week al 1 workshop (maximum))');
      expect(reason.message.en).toContain(
        '(Anna de Wit: already has 1 workshop that week (maximum))',
      );
      expect(plan.loads.find((l) => l.trainerId === 'anna')).toEqual({
        trainerId: 'anna',
        fixed: 1,
        planned: 1,
      });
    },
    SOLVER_TIMEOUT,
  );

  it(
    'names several trainers stopped by the same rule in one go',
    async () => {
      const input: PlannerInput = plannerInput({
        signups: [signup('a', [slot('2026-12-02')])],
        trainers: [anna, rik, sara],
        confirmed: [
          { id: 'w1', label: 'Texel', slot: slot('2026-12-01'), trainerIds: ['rik'] },
          { id: 'w2', label: 'Urk', slot: slot('2026-12-03'), trainerIds: ['sara'] },
        ],
        settings: { maxPerWeek: 1 },
      });
      const reason = unplanned(await planExactly(input), 'a');
      expect(reason.code).toBe('TRAINER_AT_MAXIMUM');
      expect(reason.message.nl).toContain(
        'geen adviseur van RIEC Noord-Holland beschikbaar (Rik Smit en Sara Bos: hebben die week al 1 workshop (maximum))',
      );
      expect(reason.message.en).toContain(
        'no advisor of RIEC Noord-Holland available (Rik Smit and Sara Bos: already have 1 workshop that week (maximum))',
      );
    },
    SOLVER_TIMEOUT,
  );

  it(
    'takes an advisor of the municipality’s own RIEC only',
    async () => {
      const kees = riecAdvisor('kees', 'Kees de Boer', AA);
      const input = plannerInput({
        signups: [signup('diemen', [slot('2026-12-01'), slot('2026-12-02')], AA)],
        trainers: [anna, rik, kees],
        freeBusy: { kees: { diemen: ['busy', 'oof'] } },
      });
      const plan = await planExactly(input);
      const reason = unplanned(plan, 'diemen');
      expect(reason.code).toBe('NO_COMMON_FREE_SLOT');
      expect(reason.message.nl).toMatch(
        /^Diemen kan niet worden ingepland: op geen van de voorkeursmomenten zijn een Berenschot-adviseur en een adviseur van RIEC Amsterdam-Amstelland allebei beschikbaar\. Vraag de gemeente om nieuwe data\./,
      );
      expect(reason.message.nl).toContain(
        'geen adviseur van RIEC Amsterdam-Amstelland beschikbaar (Kees de Boer: bezet)',
      );
      expect(reason.message.nl).not.toContain('Rik');
    },
    SOLVER_TIMEOUT,
  );

  it(
    'allows an unknown calendar at a cost: known free first, but never before a better rank',
    async () => {
      const input = plannerInput({
        signups: [signup('a', [slot('2026-12-01'), slot('2026-12-02')])],
        trainers: [anna, bram, rik],
        // Anna's calendar is invisible (another tenant); Bram's is visible.
        freeBusy: {
          anna: {},
          bram: { a: ['busy', 'free'] },
          rik: { a: ['free', 'free'] },
        },
      });
      const plan = await planExactly(input);
      // The first choice with Anna (unknown) beats the second choice with Bram (known free).
      expect(planned(plan, 'a')).toMatchObject({
        rank: 1,
        pair: { berenschotId: 'anna' },
        unknown: ['berenschot'],
      });

      const bothFree = await planExactly({
        ...input,
        freeBusy: { ...input.freeBusy, bram: { a: ['free', 'free'] } },
      });
      expect(planned(bothFree, 'a')).toMatchObject({
        rank: 1,
        pair: { berenschotId: 'bram' },
        unknown: [],
      });
    },
    SOLVER_TIMEOUT,
  );

  it(
    'counts what a trainer stated on "Mijn beschikbaarheid" as known',
    async () => {
      const tuesday = slot('2026-12-01');
      const input = plannerInput({
        signups: [signup('a', [tuesday]), signup('b', [slot('2026-12-02')])],
        trainers: [anna, bram, rik],
        freeBusy: { rik: { a: ['free'], b: ['free'] }, bram: { a: ['busy'] } },
        stated: [
          // Anna (calendar invisible) can do Tuesday evenings, not on 2 December.
          {
            trainerId: 'anna',
            weekly: [{ weekday: 2, dayPart: 'avond', canWork: true }],
            dates: [{ date: '2026-12-02', canWork: false }],
          },
          // Bram said he can on Tuesday evenings, but his calendar is busy: busy wins.
          { trainerId: 'bram', weekly: [{ weekday: 2, dayPart: 'avond', canWork: true }] },
        ],
      });
      const plan = await planExactly(input);
      expect(planned(plan, 'a')).toMatchObject({ pair: { berenschotId: 'anna' }, unknown: [] });
      expect(planned(plan, 'b')).toMatchObject({
        pair: { berenschotId: 'bram' },
        unknown: ['berenschot'],
      });
    },
    SOLVER_TIMEOUT,
  );

  it(
    'spreads the workshops over the trainers, confirmed ones included',
    async () => {
      const evenings = ['2026-12-01', '2026-12-02', '2026-12-08', '2026-12-09'];
      const input = plannerInput({
        signups: evenings.map((date, i) => signup(`g${i}`, [slot(date)])),
        trainers: [anna, bram, rik, sara],
        confirmed: [
          { id: 'w1', label: 'Texel', slot: slot('2026-12-15'), trainerIds: ['anna', 'rik'] },
          { id: 'w2', label: 'Urk', slot: slot('2026-12-16'), trainerIds: ['anna', 'rik'] },
        ],
      });
      const plan = await planExactly(input);
      // Anna and Rik already have two each: one more for them and three for Bram and Sara.
      const load = (id: string) => plan.loads.find((l) => l.trainerId === id)!;
      expect(
        [load('anna'), load('bram'), load('rik'), load('sara')].map((l) => l.fixed + l.planned),
      ).toEqual([3, 3, 3, 3]);
      expect(plan.metrics).toMatchObject({ loadSquares: 36, spread: { berenschot: 0, riec: 0 } });
    },
    SOLVER_TIMEOUT,
  );

  it(
    'keeps the pairs already proposed when nothing else is at stake',
    async () => {
      const input = plannerInput({
        signups: [signup('a', [slot('2026-12-01')])],
        trainers: [anna, bram, rik, sara],
        proposedPairs: [{ signupId: 'a', berenschotId: 'bram', riecId: 'sara' }],
      });
      const plan = await planExactly(input);
      expect(planned(plan, 'a').pair).toEqual({ berenschotId: 'bram', riecId: 'sara' });
      expect(plan.metrics.keptProposals).toBe(2);
      expect(plan.stages.map((s) => [s.stage, s.status])).toEqual([
        ['plannedAndRanks', 'optimal'],
        ['unknown', 'skipped'],
        ['load', 'optimal'],
        ['keptProposals', 'optimal'],
      ]);
    },
    SOLVER_TIMEOUT,
  );

  it(
    'leaves fixed things as they are: kept holds, locked pairs, left-out sign-ups',
    async () => {
      const tuesday = slot('2026-12-01');
      const input = plannerInput({
        signups: [
          signup('kept', [slot('2026-12-03'), tuesday]),
          signup('locked', [tuesday, slot('2026-12-02')]),
          signup('other', [tuesday]),
          signup('out', [tuesday]),
        ],
        trainers: [anna, bram, rik, sara],
        // The kept hold shows as busy in Anna's calendar: the hold itself; it stays.
        freeBusy: { anna: { kept: ['free', 'busy'] } },
        keptHolds: [{ signupId: 'kept', slotIndex: 1, berenschotId: 'anna', riecId: 'rik' }],
        lockedPairs: [{ signupId: 'locked', berenschotId: 'anna', riecId: 'sara' }],
        leftOut: ['out'],
      });
      const plan = await planExactly(input);
      expect(planned(plan, 'kept')).toMatchObject({
        rank: 2,
        pair: { berenschotId: 'anna', riecId: 'rik' },
        fixedBy: 'keptHold',
      });
      // Anna keeps the Tuesday hold, so the locked pair moves to Wednesday.
      expect(planned(plan, 'locked')).toMatchObject({
        rank: 2,
        pair: { berenschotId: 'anna', riecId: 'sara' },
        fixedBy: 'lockedPair',
      });
      expect(planned(plan, 'other')).toMatchObject({
        pair: { berenschotId: 'bram', riecId: 'sara' },
      });
      expect(plan.outcomes.map((o) => o.signupId)).toEqual(['kept', 'locked', 'other']);
      expect(plan.leftOut).toEqual(['out']);
      expect(plan.metrics).toMatchObject({ planned: 3, unplanned: 0 });
    },
    SOLVER_TIMEOUT,
  );

  it(
    'says so when a locked pair is never available together',
    async () => {
      const input = plannerInput({
        signups: [signup('a', [slot('2026-12-01'), slot('2026-12-02')])],
        trainers: [anna, bram, rik, sara],
        freeBusy: { anna: { a: ['busy', 'free'] }, sara: { a: ['free', 'tentative'] } },
        lockedPairs: [{ signupId: 'a', berenschotId: 'anna', riecId: 'sara' }],
      });
      const reason = unplanned(await planExactly(input), 'a');
      expect(reason.code).toBe('LOCKED_PAIR_NOT_FREE');
      expect(reason.trainerIds).toEqual(['anna', 'sara']);
      expect(reason.message.nl).toContain(
        'het vastgezette trainerspaar (Anna de Wit en Sara Bos) kan op geen van de voorkeursmomenten allebei',
      );
      expect(reason.message.nl).toContain(
        'geen adviseur van RIEC Noord-Holland beschikbaar (Sara Bos: onder voorbehoud bezet)',
      );
    },
    SOLVER_TIMEOUT,
  );

  it(
    'does not plan slots in the past or outside the campaign window',
    async () => {
      const input = plannerInput({
        signups: [signup('a', [slot('2026-11-27'), slot('2027-05-04')])],
        trainers: [anna, rik],
        window: { start: '2026-12-01', end: '2027-03-31' },
      });
      const reason = unplanned(await planExactly(input), 'a');
      expect(reason.code).toBe('SLOTS_UNUSABLE');
      expect(reason.slots.map((s) => s.kind)).toEqual(['past', 'outsideWindow']);
      expect(reason.message.nl).toBe(
        'A kan niet worden ingepland: alle voorkeursmomenten liggen in het verleden of buiten de periode van de workshop. Vraag de gemeente om nieuwe data. Voorkeur 1 (vrijdag 27 november 2026, 19.30–22.30 uur): ligt in het verleden. Voorkeur 2 (dinsdag 4 mei 2027, 19.30–22.30 uur): valt buiten de periode van de workshop.',
      );
    },
    SOLVER_TIMEOUT,
  );

  it(
    'works in Amsterdam time across the change to summer time',
    async () => {
      // 28 March 2027 is the night of the change; Tuesday 30 March is CEST (+02:00).
      const tuesday = slot('2027-03-30');
      expect(tuesday.start).toBe('2027-03-30T19:30:00.000+02:00');
      const input = plannerInput({
        signups: [signup('a', [tuesday])],
        trainers: [anna, rik],
        stated: [{ trainerId: 'anna', weekly: [{ weekday: 2, dayPart: 'avond', canWork: true }] }],
      });
      expect(planned(await planExactly(input), 'a').unknown).toEqual(['riec']);
    },
    SOLVER_TIMEOUT,
  );
});
