// The ways Dutch mails write a preferred slot, one rule per test, through the public function.
// Received on 10 May 2022 (the 2022 campaign) unless a test says otherwise.
import { describe, expect, it } from '@jest/globals';
import { extract, times } from './support.js';

describe('dates and times as Dutch mails write them', () => {
  it('reads "dinsdag 14 juni 2022 van 19.30 tot 22.30 uur" with the summer offset', () => {
    const result = extract('dinsdag 14 juni 2022 van 19.30 tot 22.30 uur');
    expect(result.slots).toEqual([
      {
        start: '2022-06-14T19:30:00+02:00',
        end: '2022-06-14T22:30:00+02:00',
        assumedEnd: false,
        source: 'dinsdag 14 juni 2022 van 19.30 tot 22.30 uur',
      },
    ]);
  });

  it('reads "do 23-6 19:30-22:30": an abbreviated weekday and a numeric date without a year', () => {
    expect(times(extract('do 23-6 19:30-22:30'))).toEqual([
      ['2022-06-23T19:30:00+02:00', '2022-06-23T22:30:00+02:00'],
    ]);
  });

  it('gives "maandagavond 27 juni" the conventional evening start and an assumed end', () => {
    const [slot] = extract('maandagavond 27 juni').slots;
    expect(slot).toMatchObject({
      start: '2022-06-27T19:30:00+02:00',
      end: '2022-06-27T22:30:00+02:00',
      assumedEnd: true,
    });
  });

  it.each([
    ["'s ochtends", '09:00'],
    ['’s ochtends', '09:00'],
    ["'s middags", '13:00'],
    ['‘s middags', '13:00'],
    ["'s avonds", '19:30'],
    ['’s avonds', '19:30'],
    ["s'avonds", '19:30'],
  ])('reads "vrijdag 17 juni %s" as a start at %s', (daypart, start) => {
    const [slot] = extract(`vrijdag 17 juni ${daypart}`).slots;
    expect(slot?.start).toBe(`2022-06-17T${start}:00+02:00`);
    expect(slot?.assumedEnd).toBe(true);
  });

  it('reads "half acht tot elf uur" in an evening context as 19:30–23:00', () => {
    expect(times(extract('maandagavond 27 juni van half acht tot elf uur'))).toEqual([
      ['2022-06-27T19:30:00+02:00', '2022-06-27T23:00:00+02:00'],
    ]);
    expect(times(extract("dinsdag 28 juni half acht tot elf uur 's avonds"))).toEqual([
      ['2022-06-28T19:30:00+02:00', '2022-06-28T23:00:00+02:00'],
    ]);
  });

  it('reads "half acht" as 07:30 only when the mail says it is the morning', () => {
    expect(times(extract("zaterdag 25 juni van half acht 's ochtends tot 11 uur"))).toEqual([
      ['2022-06-25T07:30:00+02:00', '2022-06-25T11:00:00+02:00'],
    ]);
  });

  it('asks about "half acht tot elf uur" without a part of the day instead of guessing', () => {
    const result = extract('woensdag 29 juni van half acht tot elf uur');
    expect(result.slots).toEqual([]);
    expect(result.questions[0]).toBe(
      '‘woensdag 29 juni van half acht tot elf uur’: is dat ’s ochtends (07:30–11:00) of ’s avonds (19:30–23:00)?',
    );
  });

  it('asks for the day when a mail gives only "week 26"', () => {
    const result = extract('Wij denken aan week 26.');
    expect(result.slots).toEqual([]);
    expect(result.questions[0]).toBe(
      '‘week 26’ noemt geen dag: welke dag en welke tijd in week 26 (27 juni t/m 3 juli 2022) zijn bedoeld?',
    );
  });

  it('takes "week 41: dinsdagavond" as the Tuesday of ISO week 41', () => {
    const result = extract('week 41: dinsdagavond', { receivedAt: '2026-08-31' });
    expect(result.slots[0]?.start).toBe('2026-10-06T19:30:00+02:00');
  });

  it('reads "optie 2: 5 juli, 13.00 – 17.00" with an en dash', () => {
    expect(times(extract('optie 2: 5 juli, 13.00 – 17.00'))).toEqual([
      ['2022-07-05T13:00:00+02:00', '2022-07-05T17:00:00+02:00'],
    ]);
  });

  it.each([
    ['19.30 - 22.30', 'hyphen'],
    ['19.30–22.30', 'en dash'],
    ['19.30 — 22.30', 'em dash'],
    ['19.30 tot 22.30', 'tot'],
    ['van 19.30 tot 22.30 uur', 'uur'],
    ['19:30u - 22:30u', 'u'],
    ['van 19.30 tot 22.30', 'van … tot'],
    ['tussen 19.30 en 22.30 uur', 'tussen … en'],
  ])('reads the range "%s" (%s)', (range) => {
    expect(times(extract(`dinsdag 21 juni 2022 ${range}`))).toEqual([
      ['2022-06-21T19:30:00+02:00', '2022-06-21T22:30:00+02:00'],
    ]);
  });

  it('reads bare hours in a range: "van 19 tot 22 uur", "19-22 uur"', () => {
    for (const range of ['van 19 tot 22 uur', '19-22 uur']) {
      expect(times(extract(`dinsdag 21 juni 2022 ${range}`))).toEqual([
        ['2022-06-21T19:00:00+02:00', '2022-06-21T22:00:00+02:00'],
      ]);
    }
  });

  it('gives a slot with only a start time the default duration and says the end is assumed', () => {
    const result = extract('donderdag 16 juni om 20.00 uur', {}, 150);
    expect(result.slots[0]).toMatchObject({
      start: '2022-06-16T20:00:00+02:00',
      end: '2022-06-16T22:30:00+02:00',
      assumedEnd: true,
    });
  });

  it('does not read a duration ("duurt 3 uur") as a start time', () => {
    const result = extract('dinsdag 14 juni 2022, de workshop duurt 3 uur');
    expect(result.slots).toEqual([]);
    expect(result.questions[0]).toMatch(/noemt geen tijd/);
  });

  it('resolves a date without a year that has passed at receipt to next year', () => {
    // Received 10 May 2022: "3 mei" is next year's, a Wednesday in 2023.
    expect(extract('woensdag 3 mei 19.30-22.30 uur').slots[0]?.start).toBe(
      '2023-05-03T19:30:00+02:00',
    );
  });

  it('resolves January dates in a December mail to the next year, with the winter offset', () => {
    const result = extract('dinsdag 12 januari, 19.30 - 22.30 uur', {
      receivedAt: '2026-12-10T16:45:00+01:00',
    });
    expect(times(result)).toEqual([['2027-01-12T19:30:00+01:00', '2027-01-12T22:30:00+01:00']]);
  });

  it('keeps a date of the receipt day itself in the same year', () => {
    expect(extract('dinsdag 10 mei 19.30-22.30').slots[0]?.start).toBe('2022-05-10T19:30:00+02:00');
  });

  it('gives late-March and late-October dates the offset of that day (DST)', () => {
    const march = extract('26 maart 2026 19.30-22.30\n31 maart 2026 19.30-22.30', {
      receivedAt: '2026-02-10',
    });
    expect(march.slots.map((s) => s.start)).toEqual([
      '2026-03-26T19:30:00+01:00',
      '2026-03-31T19:30:00+02:00',
    ]);
    const october = extract('22 oktober 19.30-22.30\n27 oktober 19.30-22.30', {
      receivedAt: '2026-09-16',
    });
    expect(october.slots.map((s) => s.end)).toEqual([
      '2026-10-22T22:30:00+02:00',
      '2026-10-27T22:30:00+01:00',
    ]);
  });

  it('asks when the weekday and the date disagree ("dinsdag 15 juni 2022" is a Wednesday)', () => {
    const result = extract('dinsdag 15 juni 2022 van 19.30 tot 22.30 uur');
    expect(result.slots).toEqual([]);
    expect(result.questions[0]).toBe(
      '‘dinsdag 15 juni 2022 van 19.30 tot 22.30 uur’: 15 juni 2022 is een woensdag, geen dinsdag. Welke datum is bedoeld?',
    );
  });

  it('does not read "zo" in "zo snel mogelijk" as Sunday, and asks for dates instead', () => {
    const result = extract('Wij willen de workshop zo snel mogelijk, bijvoorbeeld om 19.30 uur.');
    expect(result.slots).toEqual([]);
    expect(result.questions).toEqual([
      'De gemeente vraagt om een workshop ‘zo snel mogelijk’. Welke data en tijden komen in aanmerking?',
      'Er is geen voorkeursmoment gevonden. Vraag de gemeente om drie voorkeursdata met tijden.',
    ]);
  });

  it('shares one time over a list of dates ("14, 21 of 28 juni van 19.30 tot 22.30")', () => {
    expect(
      extract('dinsdag 14, 21 of 28 juni van 19.30 tot 22.30').slots.map((s) => s.start),
    ).toEqual([
      '2022-06-14T19:30:00+02:00',
      '2022-06-21T19:30:00+02:00',
      '2022-06-28T19:30:00+02:00',
    ]);
  });

  it('takes the time from the line below a date, and from a line above a list of dates', () => {
    expect(times(extract('Optie 1:\ndinsdag 14 juni 2022\n19.30 – 22.30 uur'))).toEqual([
      ['2022-06-14T19:30:00+02:00', '2022-06-14T22:30:00+02:00'],
    ]);
    const above = extract(
      'Steeds van 20.00 tot 23.00 uur op:\n- woensdag 15 juni\n- woensdag 22 juni',
    );
    expect(above.slots.map((s) => s.end)).toEqual([
      '2022-06-15T23:00:00+02:00',
      '2022-06-22T23:00:00+02:00',
    ]);
  });

  it('joins a range that a plain-text mail wrapped over two lines', () => {
    expect(times(extract('De raad kan op dinsdag 14 juni 2022 van 19.30\ntot 22.30 uur.'))).toEqual(
      [['2022-06-14T19:30:00+02:00', '2022-06-14T22:30:00+02:00']],
    );
  });

  it('reads typos in month and weekday names', () => {
    expect(extract('dinsdg 14 jnui 2022 van 19.30 tot 22.30').slots[0]?.start).toBe(
      '2022-06-14T19:30:00+02:00',
    );
  });

  it('skips the deadline and the date of the province’s letter', () => {
    const result = extract(
      'Naar aanleiding van uw brief van 28 april 2022 melden wij ons vóór de deadline van 15 juni aan.\n1. dinsdag 21 juni 2022 19.30-22.30',
    );
    expect(result.slots.map((s) => s.start)).toEqual(['2022-06-21T19:30:00+02:00']);
    expect(result.questions).toEqual([
      'Er is 1 voorkeursmoment gevonden in plaats van drie. Vraag de gemeente om nog twee.',
    ]);
  });

  it('does not take a date the mail says is impossible', () => {
    const result = extract(
      'Dinsdag 14 juni kan helaas niet. Wel donderdag 16 juni vanaf 19.30 uur.',
    );
    expect(result.slots.map((s) => s.start)).toEqual(['2022-06-16T19:30:00+02:00']);
  });

  it('asks for the time of a listed date that has none', () => {
    const result = extract('- dinsdag 14 juni 2022');
    expect(result.slots).toEqual([]);
    expect(result.questions[0]).toBe(
      '‘dinsdag 14 juni 2022’ noemt geen tijd. Hoe laat zou de workshop beginnen?',
    );
  });

  it('asks about a date that does not exist ("31 juni")', () => {
    const result = extract('Datum: 31 juni 2022, 19.30-22.30');
    expect(result.slots).toEqual([]);
    expect(result.questions[0]).toBe(
      '‘Datum: 31 juni 2022, 19.30-22.30’ bevat een datum die niet bestaat. Welke datum is bedoeld?',
    );
  });

  it('asks about a period ("van 14 t/m 18 juni") instead of taking one of its days', () => {
    for (const text of [
      'Wij kunnen van 14 t/m 18 juni, steeds 19.30-22.30 uur.',
      '14-18 juni 19.30-22.30',
    ]) {
      const result = extract(text);
      expect(result.slots).toEqual([]);
      expect(result.questions[0]).toMatch(/noemt geen precieze datum/);
    }
  });

  it('asks once for the time of dates listed without one', () => {
    const result = extract('De workshop duurt maximaal 4 uur. Data: 14 juni, 21 juni en 28 juni.');
    expect(result.slots).toEqual([]);
    expect(result.questions).toEqual([
      '‘Data: 14 juni, 21 juni en 28 juni.’ noemt geen tijd. Hoe laat zou de workshop beginnen?',
      'Er is geen voorkeursmoment gevonden. Vraag de gemeente om drie voorkeursdata met tijden.',
    ]);
  });

  it('does not give a date the time of another sentence on the same line', () => {
    const result = extract(
      'Van 10.30-11.30 hebben we overleg; verder dinsdag 14 juni 19.30-22.30.',
    );
    expect(times(result)).toEqual([['2022-06-14T19:30:00+02:00', '2022-06-14T22:30:00+02:00']]);
    expect(result.slots[0]?.source).toBe('verder dinsdag 14 juni 19.30-22.30.');
  });

  it('ends a slot after midnight on the next day', () => {
    expect(times(extract('Graag op 14 juni van 20.00 tot 00.30 uur.'))).toEqual([
      ['2022-06-14T20:00:00+02:00', '2022-06-15T00:30:00+02:00'],
    ]);
  });

  it('asks about a start at "half 8" without a part of the day', () => {
    expect(extract('14 juni 2022 om half 8').questions[0]).toBe(
      '‘14 juni 2022 om half 8’: is dat ’s ochtends (07:30) of ’s avonds (19:30)?',
    );
  });

  it('ignores a walk-in time next to the workshop’s own range', () => {
    expect(
      times(extract('maandag 13 juni 2022 van 19.30 tot 22.30 uur (inloop vanaf 19.00 uur)')),
    ).toEqual([['2022-06-13T19:30:00+02:00', '2022-06-13T22:30:00+02:00']]);
  });

  it('counts the slots: more than three and fewer than three are questions', () => {
    const four = extract(
      [
        '14 juni 19.30-22.30',
        '15 juni 19.30-22.30',
        '21 juni 19.30-22.30',
        '4 juli 19.30-22.30',
      ].join('\n'),
    );
    expect(four.slots).toHaveLength(4);
    expect(four.questions).toEqual([
      'Er zijn 4 voorkeursmomenten gevonden in plaats van drie. Welke drie hebben de voorkeur?',
    ]);
    const two = extract('14 juni 19.30-22.30\n15 juni 19.30-22.30');
    expect(two.questions).toEqual([
      'Er zijn 2 voorkeursmomenten gevonden in plaats van drie. Vraag de gemeente om een derde.',
    ]);
  });

  it('gives the same result for a receipt moment as Date or as ISO string, whatever TZ says', () => {
    expect(process.env.TZ).toBe('Asia/Kathmandu');
    // 23:30 in Amsterdam on 13 June is already 14 June in Kathmandu: "13 juni" must still count.
    const asDate = extract('maandag 13 juni 19.30-22.30', {
      receivedAt: new Date('2022-06-13T21:30:00Z'),
    });
    const asIso = extract('maandag 13 juni 19.30-22.30', {
      receivedAt: '2022-06-13T23:30:00+02:00',
    });
    expect(asDate).toEqual(asIso);
    expect(asDate.slots[0]?.start).toBe('2022-06-13T19:30:00+02:00');
  });
});
