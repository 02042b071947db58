import { describe, expect, it } from '@jest/globals';
import type { CbsCode, EventId, SignupId } from '../../../src/domain/ids.js';
import type { PendingOperation } from '../../../src/domain/ports.js';
import type { Signup } from '../../../src/domain/signup.js';
import { nextETag } from '../../../src/graph/plan.js';
import {
  fromSignupFields,
  toSignupFields,
  ZSignupFields,
} from '../../../src/graph/sharepoint/signup-fields.js';

const signup: Signup = {
  id: '7' as SignupId,
  campaignId: 'weerbaarheid-demo',
  municipality: { cbsCode: 'GM0392' as CbsCode, name: 'Haarlem' },
  riec: 'RIEC Noord-Holland',
  accountHolder: { name: 'Sanne de Vries', email: 'sanne.devries@riec.nl' },
  contact: { name: 'Kabinet', email: 'burgemeester@haarlem.nl' },
  preferences: [
    { start: '2026-12-15T18:30:00Z', end: '2026-12-15T21:30:00Z' },
    { start: '2026-12-16T18:30:00Z', end: '2026-12-16T21:30:00Z' },
    { start: '2026-12-17T18:30:00Z', end: '2026-12-17T21:30:00Z' },
  ],
  scanStatus: 'gedaan',
  remarks: 'Graag in de raadzaal.',
  status: 'opties_geplaatst',
  holdLapseDays: 14,
  registeredAt: '2026-11-28T10:00:00Z',
  pair: {
    berenschot: {
      id: 'm',
      name: 'Marieke van Dijk',
      email: 'marieke.vandijk@berenschot.nl',
      role: 'berenschot',
    },
    riec: { id: 'f', name: 'Fatima Amrani', email: 'fatima.amrani@riec.nl', role: 'riec' },
  },
  round: 1,
  options: [
    {
      slotIndex: 0,
      slot: { start: '2026-12-15T18:30:00Z', end: '2026-12-15T21:30:00Z' },
      holdKey: '7-r1-o0',
      eventId: 'AAMk1' as EventId,
      hold: 'open',
      answers: { berenschot: 'accepted', riec: 'declined' },
    },
  ],
  optionsPlacedAt: '2026-11-28T10:05:00Z',
  lapsesAt: '2026-12-12T10:05:00Z',
};

describe('a sign-up in its SharePoint list item', () => {
  it('reads back as it was written, pending operation included', () => {
    const pending: PendingOperation = {
      id: 'op-1',
      command: 'confirm',
      by: 'sanne.devries@riec.nl',
      startedAt: '2026-11-28T10:06:00.000Z',
      effects: [],
    };
    const fields = { ...toSignupFields(signup, pending), id: '7' };
    const stored = fromSignupFields(ZSignupFields.parse(fields), '"{abc},3"');
    expect(stored.signup).toEqual({ ...signup, eTag: '"{abc},3"' });
    expect(stored.pending).toEqual(pending);
  });

  it('reads a hand-edited, broken JSON cell as empty instead of failing', () => {
    const fields = { ...toSignupFields(signup, null), id: '7', Opties: 'niet-json', Lopend: '{' };
    const stored = fromSignupFields(ZSignupFields.parse(fields), 'e');
    expect(stored.signup.options).toEqual([]);
    expect(stored.pending).toBeNull();
  });

  it('keeps the scan’s themes in ScanThemas and drops themes it does not know (issue 14, item 3)', () => {
    const scan = {
      themes: ['vastgoed', 'integriteit'] as const,
      other: 'havens',
      scanDate: '2026-10-01',
    };
    const withScan: Signup = { ...signup, scan: { ...scan, themes: [...scan.themes] } };
    const fields = { ...toSignupFields(withScan, null), id: '7' };
    expect(JSON.parse(toSignupFields(withScan, null)['ScanThemas'] as string)).toEqual(scan);
    expect(fromSignupFields(ZSignupFields.parse(fields), 'e').signup.scan).toEqual(scan);
    const edited = {
      ...fields,
      ScanThemas: JSON.stringify({
        themes: ['voetbal', 'vastgoed'],
        other: 3,
        scanDate: 'gisteren',
      }),
    };
    expect(fromSignupFields(ZSignupFields.parse(edited), 'e').signup.scan).toEqual({
      themes: ['vastgoed'],
      other: '',
      scanDate: null,
    });
    expect(toSignupFields(signup, null)['ScanThemas']).toBeNull();
  });

  it('keeps columns users filter on typed and lower-cased', () => {
    const fields = toSignupFields(
      { ...signup, accountHolder: { name: 'S', email: 'Sanne.deVries@RIEC.nl' } },
      null,
    );
    expect(fields).toMatchObject({
      Status: 'opties_geplaatst',
      Riec: 'RIEC Noord-Holland',
      Accounthouder: 'sanne.devries@riec.nl',
      TrainerRiec: 'fatima.amrani@riec.nl',
    });
  });
});

describe('nextETag', () => {
  it('adds one to the version of a SharePoint eTag', () => {
    expect(nextETag('"{6F3A},4"')).toBe('"{6F3A},5"');
    expect(nextETag('"6f3a-11,19"')).toBe('"6f3a-11,20"');
    expect(nextETag('W/"opaque"')).toBeUndefined();
  });
});
