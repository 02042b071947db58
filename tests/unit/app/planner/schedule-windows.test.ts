// Free/busy for a whole campaign in few getSchedule calls: slots grouped into windows under
// Graph's limit of 62 days, and each slot looked up in the window that holds it.
import { describe, expect, it } from '@jest/globals';
import {
  CampaignSchedules,
  groupIntoWindows,
  MAX_WINDOW_MS,
} from '../../../../src/app/planner/schedule-windows.js';
import type { TrainerSchedule } from '../../../../src/domain/ports.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const evening = (day: number) => {
  const start = Date.UTC(2026, 8, 1, 17, 30) + day * DAY_MS;
  return {
    start: new Date(start).toISOString(),
    end: new Date(start + 3 * 60 * 60 * 1000).toISOString(),
  };
};

describe('groupIntoWindows', () => {
  it('covers the evenings of many weeks with one window', () => {
    const slots = [14, 1, 8, 30, 2, 45].map(evening);
    expect(groupIntoWindows(slots)).toEqual([{ start: evening(1).start, end: evening(45).end }]);
  });

  it('starts a new window before one would reach 62 days, and every slot lies in one', () => {
    const slots = Array.from({ length: 40 }, (_, i) => evening(i * 4)); // 156 days
    const windows = groupIntoWindows(slots);
    expect(windows).toHaveLength(3);
    for (const w of windows) {
      expect(Date.parse(w.end) - Date.parse(w.start)).toBeLessThan(MAX_WINDOW_MS);
    }
    for (const slot of slots) {
      const inside = windows.filter((w) => w.start <= slot.start && slot.end <= w.end);
      expect(inside).toHaveLength(1);
    }
  });

  it('skips invalid slots and gives no window for none', () => {
    expect(groupIntoWindows([])).toEqual([]);
    expect(groupIntoWindows([{ start: 'morgen', end: 'overmorgen' }])).toEqual([]);
  });
});

describe('CampaignSchedules', () => {
  it('finds the schedule of the window that holds the slot, by address in any case', () => {
    const slots = [evening(0), evening(100)];
    const windows = groupIntoWindows(slots);
    const schedule = (address: string, marker: string): TrainerSchedule =>
      ({ address, items: [], availabilityView: marker }) as unknown as TrainerSchedule;
    const schedules = new CampaignSchedules(windows, [
      [schedule('anna@riec.nl', 'first')],
      [schedule('anna@riec.nl', 'second')],
    ]);
    expect(schedules.scheduleAt('Anna@RIEC.nl', evening(100))).toMatchObject({
      availabilityView: 'second',
    });
    expect(schedules.scheduleAt('anna@riec.nl', evening(0))).toMatchObject({
      availabilityView: 'first',
    });
    expect(schedules.scheduleAt('bob@riec.nl', evening(0))).toBeUndefined();
    expect(schedules.scheduleAt('anna@riec.nl', evening(50))).toBeUndefined();
  });
});
