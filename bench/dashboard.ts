// The province dashboard's data (issue 13, items 2-4) side by side with today's overview
// (listMunicipalities), in the same run, over real HTTP against the sandbox: the coordinator's
// GET /api/dashboard (funnel, weeks, trainers, scan, actions, reminders, lapsing holds) and
// GET /api/municipalities, with 44 and then 342 sign-ups in the list, the Graph round trips of
// one answer counted from the sandbox's request log and the answer times of sequential requests.
import { countRoundTrips } from '@workshopplanner/m365-sandbox';
import { PRODUCT_APP } from '@workshopplanner/m365-sandbox/people';
import { DateTime } from 'luxon';
import { performance } from 'node:perf_hooks';
import { buildServer } from '../src/server/build-server.js';
import { readEnv } from '../src/server/env.js';
import { apiToken, seedSignups } from './api.js';
import { startStack, UNLIMITED_RATE } from './support.js';

export const DASHBOARD_SIGNUP_COUNTS = [44, 342] as const;
const REQUESTS = Number(process.env.BENCH_DASHBOARD_REQUESTS ?? 30);

export interface DashboardBenchRow {
  readonly operation: 'getDashboard' | 'listMunicipalities';
  readonly signups: number;
  /** Graph requests outside a $batch for one answer (what the integration test counts). */
  readonly roundTrips: number;
  readonly p50: number;
  readonly p95: number;
  readonly kilobytes: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runDashboardBench(): Promise<DashboardBenchRow[]> {
  const stack = await startStack(DateTime.now().setZone('Europe/Amsterdam').toISODate()!);
  const env = readEnv({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    AUTHORITY_HOST: stack.sandbox.urls.https,
    GRAPH_BASE_URL: `${stack.sandbox.urls.https}/v1.0`,
    API_IDENTIFIER_URI: `api://localhost:3000/${PRODUCT_APP.clientId}`,
    WEB_DIST_DIR: '.data/no-web-bundle-in-bench',
    SYNC_INTERVAL_SECONDS: '0',
    ...UNLIMITED_RATE,
  });
  const server = await buildServer({ env, logger: false });
  const base = await server.listen({ host: '127.0.0.1', port: 0 });
  const rows: DashboardBenchRow[] = [];
  try {
    const token = await apiToken(stack.sandbox, 'pieter.bakker');
    const get = async (path: string) => {
      const response = await fetch(`${base}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
      return text.length;
    };
    let seeded = 0;
    for (const count of DASHBOARD_SIGNUP_COUNTS) {
      await seedSignups(stack, seeded, count);
      seeded = count;
      for (const [operation, path] of [
        ['getDashboard', '/api/dashboard'],
        ['listMunicipalities', '/api/municipalities'],
      ] as const) {
        await get(path); // warm up: the on-behalf-of token, the edition cache, the JIT
        const since = stack.sandbox.ctx.requestLog.lastSeq;
        const bytes = await get(path);
        const roundTrips = countRoundTrips(stack.sandbox.ctx.requestLog.since(since));
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) {
          const start = performance.now();
          await get(path);
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        rows.push({
          operation,
          signups: count,
          roundTrips,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          kilobytes: bytes / 1024,
        });
        console.error(`  ${operation}, ${count} sign-ups: ${roundTrips} round trip(s)`);
      }
    }
  } finally {
    await server.close();
    await stack.close();
  }
  return rows;
}

/** The rows as a Markdown table, the dashboard next to the overview per list size. */
export function formatDashboardBench(rows: readonly DashboardBenchRow[]): string[] {
  const lines = [
    '| sign-ups in the list | operation | Graph round trips | p50 | p95 | answer |',
    '|---:|---|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.signups} | ${row.operation} | ${row.roundTrips} | ${row.p50.toFixed(0)} ms | ${row.p95.toFixed(0)} ms | ${row.kilobytes.toFixed(1)} KB |`,
    );
  }
  return lines;
}
