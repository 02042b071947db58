import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { Writable } from 'node:stream';
import type { MaintenanceReport } from '../../../src/app/run-maintenance.js';
import { toSignupId } from '../../../src/domain/ids.js';
import { GraphRequestFailure } from '../../../src/graph/client/errors.js';
import type { CycleLease } from '../../../src/domain/ports.js';
import { createMaintenanceScheduler } from '../../../src/server/maintenance-scheduler.js';

const EMPTY: MaintenanceReport = { resumed: [], expired: [], executed: [], failed: [], syncs: [] };

function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      callback();
    },
  });
  return { log: pino({ level: 'debug' }, stream), lines };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the maintenance scheduler', () => {
  it('runs every interval, never two runs at once, even when a run takes longer', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const { log } = capturedLog();
    const scheduler = createMaintenanceScheduler({
      intervalMs: 5,
      log,
      run: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        await sleep(30); // six intervals
        active--;
        return EMPTY;
      },
    });
    scheduler.start();
    const manual = scheduler.runNow(); // joins or starts a run; never a second one in parallel
    await sleep(200);
    await manual;
    await scheduler.stop();
    expect(maxActive).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(3);
    const after = runs;
    await sleep(50);
    expect(runs).toBe(after); // stopped means stopped
  });

  it('stop waits for the run in progress', async () => {
    let finished = false;
    const { log } = capturedLog();
    const scheduler = createMaintenanceScheduler({
      intervalMs: 1000,
      log,
      run: async () => {
        await sleep(40);
        finished = true;
        return EMPTY;
      },
    });
    scheduler.start();
    void scheduler.runNow();
    await scheduler.stop();
    expect(finished).toBe(true);
  });

  it('logs a failed run with Graph status, code and request-id — and keeps going', async () => {
    const { log, lines } = capturedLog();
    let calls = 0;
    const scheduler = createMaintenanceScheduler({
      intervalMs: 5,
      log,
      run: async () => {
        calls++;
        if (calls === 1) {
          throw new GraphRequestFailure(503, 'serviceNotAvailable', 'try later', 'req-42');
        }
        return { ...EMPTY, expired: [toSignupId('7')] };
      },
    });
    scheduler.start();
    await sleep(60);
    await scheduler.stop();
    const failure = lines.find((line) => line.level === 50);
    expect(failure).toMatchObject({
      component: 'maintenance',
      status: 503,
      code: 'serviceNotAvailable',
      requestId: 'req-42',
    });
    expect(calls).toBeGreaterThan(1);
    expect(lines.find((line) => line.msg === 'maintenance run')).toMatchObject({
      expired: ['7'],
    });
  });
});

/** A lease in memory, as the state list keeps it: one holder until its term runs out. */
class MemoryLease implements CycleLease {
  holder: string | undefined;
  until = 0;
  isUnreadable = false;

  async acquire(holder: string, now: Date, until: Date): Promise<boolean> {
    if (this.isUnreadable) throw new GraphRequestFailure(503, 'serviceNotAvailable', 'down', 'r1');
    if (this.holder !== undefined && this.holder !== holder && this.until > now.getTime())
      return false;
    this.holder = holder;
    this.until = until.getTime();
    return true;
  }

  async release(holder: string, now: Date): Promise<void> {
    if (this.holder === holder) this.until = now.getTime();
  }
}

describe('the maintenance scheduler under a lease', () => {
  function instance(lease: MemoryLease, holder: string, clock: { now: number }) {
    const { log, lines } = capturedLog();
    const runs: boolean[] = [];
    const scheduler = createMaintenanceScheduler({
      intervalMs: 60_000,
      log,
      lease: { lease, holder, termMs: 180_000, now: () => new Date(clock.now) },
      run: async ({ isNewHolder }) => {
        runs.push(isNewHolder);
        return EMPTY;
      },
    });
    return { scheduler, runs, lines };
  }

  it('runs on the holder only; another takes over once the term has run out', async () => {
    const lease = new MemoryLease();
    const clock = { now: Date.parse('2026-09-01T08:00:00Z') };
    const a = instance(lease, 'a', clock);
    const b = instance(lease, 'b', clock);
    await a.scheduler.runNow();
    await b.scheduler.runNow();
    clock.now += 60_000;
    await a.scheduler.runNow();
    await b.scheduler.runNow();
    expect(a.runs).toEqual([true, false]); // in full on taking over, then the usual cycle
    expect(b.runs).toEqual([]);
    // a stops renewing (crashed): b waits out the term, then takes over and runs in full.
    clock.now += 179_000;
    await b.scheduler.runNow();
    expect(b.runs).toEqual([]);
    clock.now += 2_000;
    await b.scheduler.runNow();
    expect(b.runs).toEqual([true]);
    expect(b.lines.some((line) => line['msg'] === 'background cycle lease taken')).toBe(true);
  });

  it('gives the lease up on a clean stop, so the next instance need not wait', async () => {
    const lease = new MemoryLease();
    const clock = { now: Date.parse('2026-09-01T08:00:00Z') };
    const a = instance(lease, 'a', clock);
    const b = instance(lease, 'b', clock);
    await a.scheduler.runNow();
    await a.scheduler.stop();
    await b.scheduler.runNow();
    expect(b.runs).toEqual([true]);
  });

  it('skips the run when the lease cannot be read, and says so', async () => {
    const lease = new MemoryLease();
    lease.isUnreadable = true;
    const a = instance(lease, 'a', { now: Date.parse('2026-09-01T08:00:00Z') });
    await a.scheduler.runNow();
    expect(a.runs).toEqual([]);
    expect(a.lines.find((line) => line['level'] === 40)).toMatchObject({
      status: 503,
      msg: 'background cycle lease not readable; skipping this run',
    });
  });
});
