// The background cycle with change notifications: subscribed organizers are polled only as the
// safety net (every safetyNetMs); an organizer not yet subscribed is polled every cycle until it
// is; without notifications every cycle polls everyone, as before.
import { describe, expect, it } from '@jest/globals';
import { SYSTEM_ACCESS } from '../../../src/app/access.js';
import { createAppState } from '../../../src/app/app-state.js';
import type { SubscriptionPorts } from '../../../src/app/change-notifications.js';
import { createUseCaseContext } from '../../../src/app/context.js';
import { createMaintenanceCycle } from '../../../src/app/run-maintenance.js';
import type { CalendarSubscription, Microsoft365 } from '../../../src/domain/ports.js';

const T0 = Date.parse('2026-09-01T08:00:00Z');
const SANNE = 'sanne.devries@riec.nl';
const ANOUK = 'anouk.jansen@riec.nl';

function world() {
  let now = T0;
  const reads: string[] = [];
  const records: CalendarSubscription[] = [];
  const m365 = {
    statusLog: { list: async () => [], read: async () => undefined, readLog: async () => [] },
    cursors: { read: async () => null, write: async () => undefined },
    calendar: {
      readHoldChanges: async (organizer: string) => {
        reads.push(organizer);
        return { changes: [], cursor: 'cursor' };
      },
    },
  } as unknown as Microsoft365;
  const ports: SubscriptionPorts = {
    subscriptions: {
      create: async (organizer, request) => ({
        id: `abonnement-${organizer}`,
        organizer,
        expiresAt: request.expiresAt,
      }),
      renew: async () => undefined,
    },
    records: {
      list: async () => [...records],
      write: async (subscription) => {
        records.push(subscription);
      },
    },
  };
  const state = createAppState();
  const ctx = createUseCaseContext({
    m365,
    access: SYSTEM_ACCESS,
    state,
    now: () => new Date(now),
  });
  return {
    ctx,
    ports,
    reads,
    records,
    state,
    at: (seconds: number) => {
      now = T0 + seconds * 1000;
    },
  };
}

const settings = {
  notificationUrl: 'https://workshops.example.nl/api/notifications',
  clientState: 'een-geheim-van-minstens-16',
  lifetimeMs: 72 * 3600_000,
  renewBeforeMs: 36 * 3600_000,
};

describe('the maintenance cycle with change notifications', () => {
  it('polls subscribed organizers only as the safety net, new ones until subscribed', async () => {
    const w = world();
    const cycle = createMaintenanceCycle({
      // The full runs (which read the list, here empty) are not what this test is about.
      fullEveryMs: 3_600_000,
      notifications: { ports: w.ports, settings, safetyNetMs: 900_000 },
    });
    w.state.organizers.add(SANNE);
    await cycle(w.ctx, { full: true });
    expect(w.records.map((r) => r.organizer)).toEqual([SANNE]);
    w.reads.length = 0;

    w.at(60);
    await cycle(w.ctx);
    expect(w.reads).toEqual([]);

    // Holds placed for another organizer in between: polled and subscribed at once.
    w.state.organizers.add(ANOUK);
    w.at(120);
    await cycle(w.ctx);
    expect(w.reads).toEqual([ANOUK]);
    expect(w.records.map((r) => r.organizer)).toEqual([SANNE, ANOUK]);

    w.reads.length = 0;
    w.at(180);
    await cycle(w.ctx);
    expect(w.reads).toEqual([]);

    // Fifteen minutes after the last poll: everyone once.
    w.at(960);
    await cycle(w.ctx);
    expect(w.reads.sort()).toEqual([ANOUK, SANNE]);
  });

  it('without notifications polls every organizer every cycle', async () => {
    const w = world();
    const cycle = createMaintenanceCycle({ fullEveryMs: 600_000 });
    w.state.organizers.add(SANNE);
    await cycle(w.ctx, { full: true });
    w.reads.length = 0;
    w.at(60);
    await cycle(w.ctx);
    w.at(120);
    await cycle(w.ctx);
    expect(w.reads).toEqual([SANNE, SANNE]);
    expect(w.records).toEqual([]);
  });
});
