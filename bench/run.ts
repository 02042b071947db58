// `npm run bench`: runs the benchmarks and prints their results as Markdown for bench/RESULTS.md.
// The sandbox serves HTTPS with a local CA that Node must trust from start-up
// (NODE_EXTRA_CA_CERTS), so this script starts itself again with it set.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ensureCertificateAuthority, extraCaCertsFor } from '@workshopplanner/m365-sandbox/tls';

if (process.env.BENCH_TRUSTS_SANDBOX !== 'true') {
  const ca = ensureCertificateAuthority(
    join(resolve(process.env.SANDBOX_DATA_DIR ?? '.data/sandbox'), 'ca'),
  );
  const again = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: extraCaCertsFor(ca), BENCH_TRUSTS_SANDBOX: 'true' },
  });
  process.exit(again.status ?? 1);
}

const { LATENCY_MS, runProvinceBench } = await import('./province.js');
const { runBudgets } = await import('./budgets.js');
const { runApiBench, SIGNUP_COUNTS } = await import('./api.js');
const only = process.argv.slice(2);
const lines: string[] = [];
const print = (line = '') => {
  lines.push(line);
  console.log(line);
};

if (only.length === 0 || only.includes('budgets')) {
  console.error('budgets: round trips of one sign-up…');
  const rows = await runBudgets(LATENCY_MS);
  print(`### Round trips of one sign-up (DESIGN.md budgets), ${LATENCY_MS} ms added latency`);
  print();
  print('| operation | budget | sequential round trips | requests | wall time |');
  print('|---|---:|---:|---:|---:|');
  for (const row of rows)
    print(
      `| ${row.operation} | ${row.budget} | ${row.sequential} | ${row.requests} | ${Math.round(row.ms)} ms |`,
    );
  print();
}

if (only.length === 0 || only.includes('province')) {
  console.error(
    'province: 44 sign-ups, Workshopplanner, the naive baseline and planner first, 100 ms per request…',
  );
  const { optimized, naive, planner } = await runProvinceBench();
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  print(`### The whole province (44 sign-ups), ${LATENCY_MS} ms added latency per Graph request`);
  print();
  print('| phase | Workshopplanner | requests | naive baseline | requests | faster |');
  print('|---|---:|---:|---:|---:|---:|');
  optimized.phases.forEach((phase, i) => {
    const other = naive.phases[i]!;
    print(
      `| ${phase.name} | ${seconds(phase.ms)} s | ${phase.requests} | ${seconds(other.ms)} s | ${other.requests} | ${(other.ms / phase.ms).toFixed(1)}× |`,
    );
  });
  print(
    `| **total** | **${seconds(optimized.totalMs)} s** | **${optimized.totalRequests}** | **${seconds(naive.totalMs)} s** | **${naive.totalRequests}** | **${(naive.totalMs / optimized.totalMs).toFixed(1)}×** |`,
  );
  print();
  print(
    `Confirmed workshops: Workshopplanner ${optimized.confirmed}/44, naive ${naive.confirmed}/44.`,
  );
  print();
  print(
    `### The whole province planned first (issue 12), ${LATENCY_MS} ms added latency per Graph request`,
  );
  print();
  print('| phase | planner first | requests |');
  print('|---|---:|---:|');
  for (const phase of planner.phases) {
    print(`| ${phase.name} | ${seconds(phase.ms)} s | ${phase.requests} |`);
  }
  print(
    `| **total** | **${seconds(planner.totalMs)} s** | **${planner.totalRequests}** (side by side: ${optimized.totalRequests}) |`,
  );
  print();
  for (const plan of planner.plans) {
    const left = plan.unplanned.length > 0 ? `; not planned: ${plan.unplanned.join(', ')}` : '';
    print(
      `- ${plan.riec}: ${plan.planned}/${plan.total} planned, ${plan.status}, solver ${plan.solveSeconds.toFixed(2)} s${left}`,
    );
  }
  print();
  const refusals = planner.refused.length > 0 ? ` (refused: ${planner.refused.join(', ')})` : '';
  print(`Confirmed workshops: planner first ${planner.confirmed}/44${refusals}.`);
}

if (only.length === 0 || only.includes('instances')) {
  console.error(
    'instances: Graph requests per idle hour, 1 and 3 instances, with and without the lease…',
  );
  const { runIdleHourBench } = await import('./instances.js');
  const rows = await runIdleHourBench();
  print(
    '### An idle province for one hour (44 sign-ups, 3 organizers), polling every 60 s and with notifications',
  );
  print();
  print(
    '| instances | Graph requests per hour | delta | sign-up list | state list | subscriptions | cycles run |',
  );
  print('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows)
    print(
      `| ${row.setup} | ${row.total} | ${row.delta} | ${row.signupList} | ${row.stateList} | ${row.subscriptions} | ${row.runs} |`,
    );
  print();
}

if (only.includes('freshness')) {
  // Not part of the default run: it takes about six minutes of real time per mode.
  const { ANSWERS, POLL_INTERVAL_MS, runFreshnessBench } = await import('./freshness.js');
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const modes = only.includes('notifications')
    ? (['notifications'] as const)
    : (['polling', 'notifications'] as const);
  print(`### Freshness: a trainer's answer to the stored status, ${ANSWERS} answers`);
  print();
  print('| mode | answers | median | p99 | max |');
  print('|---|---:|---:|---:|---:|');
  for (const mode of modes) {
    console.error(`freshness: 50 answers, ${mode} (about six minutes)…`);
    const result = await runFreshnessBench((line) => console.error(`  ${line}`), mode);
    const label =
      mode === 'polling' ? `polling every ${POLL_INTERVAL_MS / 1000} s` : 'change notifications';
    print(
      `| ${label} | ${result.answers} | ${s(result.medianMs)} | ${s(result.p99Ms)} | ${s(result.maxMs)} |`,
    );
  }
  print();
}

if (only.length === 0 || only.includes('extract')) {
  console.error('extract: slot extraction of 1, 10 and 60 KB, the old and the new one…');
  const { EXTRACT_RUNS, formatExtractBench, runExtractBench } = await import('./extract.js');
  const rows = runExtractBench((line) => console.error(`  ${line}`));
  print(`### Slot extraction, median of ${EXTRACT_RUNS} runs, old (bench/legacy-extract) and new`);
  print();
  for (const line of formatExtractBench(rows)) print(line);
  print();
}

if (only.length === 0 || only.includes('api')) {
  console.error(
    'api: listSignups (whole, first page, summaries) and getSignup under load (autocannon), 44, 400 and 3,420 sign-ups…',
  );
  const rows = await runApiBench();
  const cell = (operation: string, signups: number) => {
    const row = rows.find((r) => r.operation === operation && r.signups === signups)!;
    return `${Math.round(row.requestsPerSecond)} | ${row.p50} ms | ${row.p99} ms | ${row.kilobytesPerAnswer.toFixed(1)} KB | ${row.requests} | ${row.errors === 0 ? '0' : `${row.errors} (${row.statuses})`}`;
  };
  print(
    `### The API under load (coordinator's token, on-behalf-of to the sandbox, 10 connections)`,
  );
  print();
  print('| operation | sign-ups | req/s | p50 | p99 | answer | requests | failed |');
  print('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const count of SIGNUP_COUNTS) {
    for (const operation of [
      'listSignups',
      'listSignups?limit=50',
      'listSignupSummaries',
      'getSignup',
    ]) {
      print(`| ${operation} | ${count} | ${cell(operation, count)} |`);
    }
  }
  print();
  print(
    'Server, sandbox and Graph client share one Node process; autocannon runs in a worker thread.',
  );
  // Why the failed requests failed, from the server's own error log (its 5xx answers).
  const failed = rows.filter((row) => row.causes.length > 0);
  if (failed.length > 0) {
    print();
    for (const row of failed) {
      print(`${row.operation} at ${row.signups}, the server's log of its 5xx answers:`);
      for (const cause of row.causes) print(`- ${cause}`);
    }
  }
}

if (only.length === 0 || only.includes('dashboard')) {
  console.error('dashboard: GET /api/dashboard beside the overview, 44 and 342 sign-ups…');
  const { DASHBOARD_SIGNUP_COUNTS, formatDashboardBench, runDashboardBench } =
    await import('./dashboard.js');
  print(
    `### The province dashboard beside today's overview (issue 13), ${DASHBOARD_SIGNUP_COUNTS.join(' and ')} sign-ups, coordinator`,
  );
  print();
  print('    npm run bench -- dashboard');
  print();
  for (const line of formatDashboardBench(await runDashboardBench())) print(line);
  print();
}

if (only.length === 0 || only.includes('planner')) {
  console.error('planner: first come against HiGHS, the seeded province and a country of 342…');
  const { formatPlannerBench, runPlannerBench } = await import('./planner.js');
  print('### The province planner: first come against HiGHS');
  print();
  for (const line of formatPlannerBench(await runPlannerBench())) print(line);
  print();
}

if (only.length === 0 || only.includes('concurrency')) {
  console.error(
    'concurrency: double registrations, same-trainer confirms, sync loops, resumed cancels…',
  );
  const { CONCURRENCY_SEED, CONCURRENCY_TODAY, formatConcurrencyBench, runConcurrencyBench } =
    await import('./concurrency.js');
  const rows = await runConcurrencyBench((line) => console.error(`  ${line}`));
  print('### Concurrency (issue 11)');
  print();
  print('    npm run bench -- concurrency');
  print();
  print(
    `Sandbox "today" ${CONCURRENCY_TODAY.toISOString()}, seed ${CONCURRENCY_SEED}, each scenario on a fresh in-process sandbox (wall time includes starting it).`,
  );
  print();
  for (const line of formatConcurrencyBench(rows)) print(line);
  print();
  // A real check: a broken invariant fails the command.
  if (rows.some((row) => !row.ok)) process.exitCode = 1;
}
