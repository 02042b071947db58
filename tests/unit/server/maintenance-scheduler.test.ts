import { describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { Writable } from 'node:stream';
import type { MaintenanceReport } from '../../../src/app/run-maintenance.js';
import { toSignupId } from '../../../src/domain/ids.js';
import { GraphRequestFailure } from '../../../src/graph/client/errors.js';
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
