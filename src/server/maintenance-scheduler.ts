// The background cycle of one server process: runMaintenance every interval, as "systeem" with
// the app's own token (client credentials). A run never overlaps the previous one — the next is
// scheduled only when the last has finished — and a failed run is logged and retried at the next
// interval; it never takes the server down.
// With several instances, a lease decides which one runs (DESIGN.md "Many instances"): each
// interval every instance tries to take or renew it, and only the holder runs the cycle. A
// holder that crashed or hangs is replaced once its term has run out; a clean stop gives it up.
import type { FastifyBaseLogger } from 'fastify';
import type { MaintenanceReport } from '../app/run-maintenance.js';
import type { CycleLease } from '../domain/ports.js';
import { GraphRequestFailure } from '../graph/client/errors.js';

export interface MaintenanceScheduler {
  /** Starts the cycle; the first run follows one interval after start. */
  start(): void;
  /** Runs now, or joins the run in progress (never two at once). */
  runNow(): Promise<void>;
  /** No further runs; resolves when a run in progress has finished. */
  stop(): Promise<void>;
}

export interface SchedulerLease {
  readonly lease: CycleLease;
  /** This instance, as the lease names it. */
  readonly holder: string;
  /** How long a taken or renewed lease lasts; longer than the interval. */
  readonly termMs: number;
  readonly now: () => Date;
}

export interface SchedulerOptions {
  readonly intervalMs: number;
  /** `isNewHolder`: this instance just took the cycle over (run it in full). */
  readonly run: (options: { readonly isNewHolder: boolean }) => Promise<MaintenanceReport>;
  readonly log: FastifyBaseLogger;
  /** Without one, this instance runs every interval (a single instance). */
  readonly lease?: SchedulerLease;
}

/** What a failure may show in a log: status, Graph code and request-id, never a token. */
function describeFailure(error: unknown): Record<string, unknown> {
  if (error instanceof GraphRequestFailure) {
    return { status: error.status, code: error.code, requestId: error.requestId };
  }
  return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

function summarise(report: MaintenanceReport) {
  return {
    resumed: report.resumed,
    expired: report.expired,
    executed: report.executed,
    failed: report.failed,
    synced: report.syncs.map((sync) => ({
      changes: sync.changes,
      updated: sync.updated,
      failed: sync.failed,
      deferred: sync.deferred,
    })),
    ...(report.subscriptions ? { subscriptions: report.subscriptions } : {}),
  };
}

function hasNews(report: MaintenanceReport): boolean {
  return (
    report.resumed.length + report.expired.length + report.executed.length > 0 ||
    report.failed.length > 0 ||
    report.syncs.some((sync) => sync.updated.length + sync.failed.length > 0) ||
    Object.values(report.subscriptions ?? {}).some((organizers) => organizers.length > 0)
  );
}

export function createMaintenanceScheduler(options: SchedulerOptions): MaintenanceScheduler {
  const log = options.log.child({ component: 'maintenance' });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let isStopped = true;
  let isHolder = false;

  /** Whether this instance may run this interval; logs when that changes. */
  const holdsLease = async (): Promise<boolean> => {
    const lease = options.lease;
    if (!lease) return true;
    const now = lease.now();
    let has: boolean;
    try {
      has = await lease.lease.acquire(lease.holder, now, new Date(now.getTime() + lease.termMs));
    } catch (error) {
      // Without the list we cannot know who runs: skip, the holder's term runs out meanwhile.
      log.warn(describeFailure(error), 'background cycle lease not readable; skipping this run');
      has = false;
    }
    if (has !== isHolder) {
      log.info(
        { holder: lease.holder },
        has ? 'background cycle lease taken' : 'background cycle lease lost',
      );
    }
    return has;
  };

  const runOnce = (): Promise<void> => {
    running ??= (async () => {
      const started = performance.now();
      try {
        const wasHolder = isHolder;
        isHolder = await holdsLease();
        if (!isHolder) return;
        const report = await options.run({ isNewHolder: !wasHolder });
        const ms = Math.round(performance.now() - started);
        // A quiet cycle every minute is noise at info level; a cycle that changed something is not.
        if (hasNews(report)) log.info({ ...summarise(report), ms }, 'maintenance run');
        else log.debug({ ms }, 'maintenance run: nothing to do');
        // An event that claims to be one of ours in a calendar that does not hold that sign-up's
        // options: someone is trying something (issue: sync changed another RIEC's sign-ups).
        for (const sync of report.syncs) {
          const suspicious = sync.ignored.filter((c) => c.reason === 'otherOrganizer');
          if (suspicious.length > 0)
            log.warn(
              { organizer: sync.organizer, suspicious },
              'suspicious calendar events ignored',
            );
        }
      } catch (error) {
        log.error(
          describeFailure(error),
          'maintenance run failed; next attempt at the next interval',
        );
      }
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const schedule = (): void => {
    if (isStopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void runOnce().then(schedule);
    }, options.intervalMs);
    // The cycle alone must not keep a process alive that is otherwise done (CLI, tests).
    timer.unref();
  };

  return {
    start() {
      if (!isStopped) return;
      isStopped = false;
      schedule();
    },
    runNow: runOnce,
    async stop() {
      isStopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
      const lease = options.lease;
      if (lease && isHolder) {
        isHolder = false;
        await lease.lease.release(lease.holder, lease.now()).catch((error: unknown) => {
          log.warn(describeFailure(error), 'background cycle lease not given up; it runs out');
        });
      }
    },
  };
}
