// dateTimeTimeZone as the gateway writes and reads it: holds in Amsterdam wall-clock time under
// the Windows id Graph takes on every method (resources/datetimetimezone.md has no
// Europe/Amsterdam), answers in any Windows id mapped through CLDR (windows-iana).
import { describe, expect, it } from '@jest/globals';
import {
  AMSTERDAM_WINDOWS_ZONE,
  fromGraphDateTime,
  toAmsterdamGraphDateTime,
  toGraphDateTime,
} from '../../../src/graph/calendar/date-time.js';

describe('toAmsterdamGraphDateTime', () => {
  it('writes Amsterdam wall-clock time under "W. Europe Standard Time", on both sides of DST', () => {
    expect(AMSTERDAM_WINDOWS_ZONE).toBe('W. Europe Standard Time');
    expect(toAmsterdamGraphDateTime('2022-10-29T17:30:00Z')).toEqual({
      dateTime: '2022-10-29T19:30:00',
      timeZone: 'W. Europe Standard Time',
    });
    expect(toAmsterdamGraphDateTime('2022-10-31T18:30:00Z')).toEqual({
      dateTime: '2022-10-31T19:30:00',
      timeZone: 'W. Europe Standard Time',
    });
  });

  it('never writes an IANA name that Graph may refuse', () => {
    expect(toAmsterdamGraphDateTime('2022-06-14T17:30:00Z').timeZone).not.toMatch(/\//);
    expect(toGraphDateTime('2022-06-14T19:30:00+02:00')).toEqual({
      dateTime: '2022-06-14T17:30:00',
      timeZone: 'UTC',
    });
  });
});

describe('fromGraphDateTime', () => {
  it('reads Windows ids (any case), IANA names and UTC', () => {
    const cases: [string, string, string][] = [
      ['2022-06-14T19:30:00.0000000', 'W. Europe Standard Time', '2022-06-14T17:30:00Z'],
      ['2022-06-14T19:30:00.0000000', 'w. europe standard time', '2022-06-14T17:30:00Z'],
      ['2022-12-14T19:30:00.0000000', 'W. Europe Standard Time', '2022-12-14T18:30:00Z'],
      ['2022-06-14T10:30:00.0000000', 'Pacific Standard Time', '2022-06-14T17:30:00Z'],
      ['2022-06-14T19:30:00.0000000', 'Romance Standard Time', '2022-06-14T17:30:00Z'],
      ['2022-06-14T23:15:00.0000000', 'Nepal Standard Time', '2022-06-14T17:30:00Z'],
      ['2022-06-14T19:30:00.0000000', 'Europe/Amsterdam', '2022-06-14T17:30:00Z'],
      ['2022-06-14T17:30:00.0000000', 'UTC', '2022-06-14T17:30:00Z'],
      ['2022-06-14T17:30:00.0000000', 'tzone://Microsoft/Utc', '2022-06-14T17:30:00Z'],
    ];
    for (const [dateTime, timeZone, instant] of cases) {
      expect(fromGraphDateTime({ dateTime, timeZone })).toBe(instant);
    }
  });

  it('fails loudly on a zone it cannot place, rather than guessing UTC', () => {
    expect(() =>
      fromGraphDateTime({ dateTime: '2022-06-14T19:30:00', timeZone: 'Customized Time Zone' }),
    ).toThrow(/unreadable/);
  });
});
