// The campaign's part of the background cycle, pure (issue 13, items 3 and 5): who a RIEC's
// account holder is for the cycle (from its stored sign-ups, the most recent first) and on which
// days the account holder hears who has not signed up.
import { describe, expect, it } from '@jest/globals';
import { accountHoldersByRiec, isNoticeDay } from '../../../src/app/campaign-cycle.js';
import { CAMPAIGN_2022 } from '../../../src/domain/campaign.js';
import type { StoredSignup } from '../../../src/domain/ports.js';

function stored(riec: string, email: string, registeredAt: string): StoredSignup {
  return {
    signup: { riec, registeredAt, accountHolder: { name: email, email } },
  } as unknown as StoredSignup;
}

describe('the account holders of a RIEC for the cycle', () => {
  it('are the account holders on its sign-ups, each once, the most recent first', () => {
    const map = accountHoldersByRiec([
      stored('RIEC Noord-Holland', 'sanne.devries@riec.nl', '2026-08-01T10:00:00Z'),
      stored('RIEC Noord-Holland', 'Nieuw@riec.nl', '2026-08-20T10:00:00Z'),
      stored('RIEC Noord-Holland', 'SANNE.devries@riec.nl', '2026-08-10T10:00:00Z'),
      stored('RIEC Midden-Nederland', 'anouk.jansen@riec.nl', '2026-08-05T10:00:00Z'),
    ]);
    expect(map.get('RIEC Noord-Holland')?.map((h) => h.email)).toEqual([
      'Nieuw@riec.nl',
      'SANNE.devries@riec.nl',
    ]);
    expect(map.get('RIEC Midden-Nederland')?.map((h) => h.email)).toEqual(['anouk.jansen@riec.nl']);
    expect(map.get('RIEC Amsterdam-Amstelland')).toBeUndefined();
  });
});

describe('the days of the "has not signed up" notice', () => {
  it('are the reminder days and 3 days before the deadline, never after it', () => {
    const campaign = { ...CAMPAIGN_2022, reminderDays: [14, 7] };
    expect([14, 7, 3].map((days) => isNoticeDay(campaign, days))).toEqual([true, true, true]);
    expect([15, 13, 4, 2, 0, -1].map((days) => isNoticeDay(campaign, days))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
