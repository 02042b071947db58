import { describe, expect, it } from '@jest/globals';
import { evaluatePair, rankPairs } from '../../../src/domain/pairing.js';
import { candidate } from './signup-fixtures.js';

const names = (ranked: ReturnType<typeof rankPairs>) =>
  ranked.map((p) => `${p.pair.berenschot.name} + ${p.pair.riec.name}`);

describe('rankPairs', () => {
  it('breaks a tie in availability by load, not by name (issue 18, item 6)', () => {
    const unknown = ['unknown', 'unknown', 'unknown'] as const;
    const anna = {
      ...candidate('b1', 'Anna', 'berenschot', [...unknown]),
      load: { workshops: 3, holds: 2 },
    };
    const zeger = {
      ...candidate('b2', 'Zeger', 'berenschot', [...unknown]),
      load: { workshops: 1, holds: 0 },
    };
    const pieter = candidate('r1', 'Pieter', 'riec', ['free', 'free', 'free']);
    const ranked = rankPairs({ berenschot: [anna, zeger], riec: [pieter] });
    expect(names(ranked)).toEqual(['Zeger + Pieter', 'Anna + Pieter']);
    expect(ranked.map((p) => p.load)).toEqual([1, 5]);
    // Availability still comes first: a free pair beats a less busy unknown one.
    const bram = {
      ...candidate('b3', 'Bram', 'berenschot', ['free', 'free', 'free']),
      load: { workshops: 9, holds: 0 },
    };
    expect(names(rankPairs({ berenschot: [zeger, bram], riec: [pieter] }))[0]).toBe(
      'Bram + Pieter',
    );
  });

  it('puts the pair that is free on all three slots first', () => {
    const anna = candidate('b1', 'Anna', 'berenschot', ['free', 'free', 'free']);
    const pieter = candidate('r1', 'Pieter', 'riec', ['free', 'free', 'free']);
    const rik = candidate('r2', 'Rik', 'riec', ['free', 'busy', 'free']);
    const ranked = rankPairs({ berenschot: [anna], riec: [rik, pieter] });
    expect(names(ranked)).toEqual(['Anna + Pieter', 'Anna + Rik']);
    expect(ranked[0]?.bothFreeCount).toBe(3);
    expect(ranked[1]?.slots.map((s) => s.verdict)).toEqual(['beide_vrij', 'bezet', 'beide_vrij']);
  });

  it('ranks an invisible Berenschot calendar by the RIEC advisor’s calendar', () => {
    const extern = candidate('b1', 'Anna', 'berenschot', ['unknown', 'unknown', 'unknown']);
    const vrij = candidate('r1', 'Zoë', 'riec', ['free', 'free', 'free']);
    const druk = candidate('r2', 'Bram', 'riec', ['busy', 'free', 'oof']);
    const ranked = rankPairs({ berenschot: [extern], riec: [druk, vrij] });
    expect(names(ranked)).toEqual(['Anna + Zoë', 'Anna + Bram']);
    expect(ranked[0]).toMatchObject({
      bothFreeCount: 0,
      berenschotUnknownCount: 3,
      isViable: true,
    });
    expect(ranked[0]?.reason).toBe(
      'optie 1: RIEC-adviseur vrij, agenda Berenschot-adviseur niet zichtbaar; optie 2: RIEC-adviseur vrij, agenda Berenschot-adviseur niet zichtbaar; optie 3: RIEC-adviseur vrij, agenda Berenschot-adviseur niet zichtbaar',
    );
  });

  it('prefers one slot known free for both over slots that rest on an unanswered invitation', () => {
    const known = candidate('b1', 'Zeger', 'berenschot', ['free', 'busy', 'busy']);
    const hidden = candidate('b2', 'Anna', 'berenschot', ['unknown', 'unknown', 'unknown']);
    const riec = candidate('r1', 'Pieter', 'riec', ['free', 'free', 'free']);
    expect(names(rankPairs({ berenschot: [hidden, known], riec: [riec] }))).toEqual([
      'Zeger + Pieter',
      'Anna + Pieter',
    ]);
  });

  it('counts tentative, out of office and working elsewhere as busy, and unknown as not free', () => {
    const b = candidate('b1', 'Anna', 'berenschot', ['tentative', 'free', 'free', 'unknown']);
    const r = candidate('r1', 'Pieter', 'riec', ['free', 'oof', 'workingElsewhere', 'unknown']);
    const evaluation = evaluatePair(b, r, 4);
    expect(evaluation.slots.map((s) => s.verdict)).toEqual([
      'bezet',
      'bezet',
      'bezet',
      'beide_onbekend',
    ]);
    expect(evaluation.bothFreeCount).toBe(0);
    expect(evaluation.berenschotUnknownCount).toBe(0);
    expect(evaluatePair(b, r, 3).isViable).toBe(false);
  });

  it('breaks ties by name, whatever order the candidates came in', () => {
    const all = ['free', 'free', 'free'] as const;
    const berenschot = [
      candidate('b2', 'Bas', 'berenschot', all),
      candidate('b1', 'Anna', 'berenschot', all),
    ];
    const riec = [candidate('r2', 'Ruud', 'riec', all), candidate('r1', 'Els', 'riec', all)];
    const expected = ['Anna + Els', 'Anna + Ruud', 'Bas + Els', 'Bas + Ruud'];
    expect(names(rankPairs({ berenschot, riec }))).toEqual(expected);
    expect(
      names(rankPairs({ berenschot: [...berenschot].reverse(), riec: [...riec].reverse() })),
    ).toEqual(expected);
  });

  it('leaves out a candidate listed under the wrong role', () => {
    const anna = candidate('b1', 'Anna', 'berenschot', ['free', 'free', 'free']);
    const pieter = candidate('r1', 'Pieter', 'riec', ['free', 'free', 'free']);
    expect(names(rankPairs({ berenschot: [anna, pieter], riec: [pieter, anna] }))).toEqual([
      'Anna + Pieter',
    ]);
  });
});

describe('evaluatePair (a pair chosen by hand)', () => {
  it('gives the same verdicts as the ranking, and treats missing availability as unknown', () => {
    const anna = candidate('b1', 'Anna', 'berenschot', ['free']);
    const pieter = candidate('r1', 'Pieter', 'riec', ['free', 'free']);
    const evaluation = evaluatePair(anna, pieter);
    expect(evaluation.slots.map((s) => s.verdict)).toEqual([
      'beide_vrij',
      'berenschot_onbekend',
      'beide_onbekend',
    ]);
    expect(rankPairs({ berenschot: [anna], riec: [pieter] })[0]).toEqual(evaluation);
    expect(evaluation.pair.berenschot).toEqual({
      id: 'b1',
      name: 'Anna',
      email: 'b1@example.nl',
      role: 'berenschot',
    });
  });
});
