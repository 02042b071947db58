// Three server processes against one sandbox, as three instances of a scaled-out deployment:
// the background cycle (sync, expiry, reminders) runs on exactly one of them — the holder of
// the lease in the list "Workshopsynchronisatie" —, a trainer's answer is recorded once, and
// when the holder is killed another instance takes over once the holder's term has run out.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT } from '../../../src/cli/package-settings.js';
import { STATE_LIST } from '../../../src/graph/sharepoint/lists.js';
import {
  startPlanningHarness,
  accountHolder,
  type PlanningHarness,
} from '../../support/planning.js';
import { answer, current, logOf, proposed } from '../../support/planning-scenarios.js';

// A sandbox and three servers started with tsx on a busy 2-core machine, then several lease
// terms of a few seconds each.
jest.setTimeout(240_000);

const LEASE_SECONDS = 4;
const sanne = accountHolder('sanne.devries');

interface Instance {
  readonly name: string;
  readonly process: ChildProcess;
  /** The pino log lines it wrote, parsed. */
  readonly lines: Record<string, unknown>[];
  ready: Promise<void>;
}

let h: PlanningHarness;
let instances: Instance[] = [];

function startInstance(name: string): Instance {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) =>
      /^(PATH|HOME|TMPDIR|TZ|NODE_EXTRA_CA_CERTS)$/.test(key),
    ),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'debug',
      AUTHORITY_HOST: h.sandbox.urls.https,
      GRAPH_BASE_URL: `${h.sandbox.urls.https}/v1.0`,
      SYNC_INTERVAL_SECONDS: '1',
      LEASE_SECONDS: String(LEASE_SECONDS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let output = '';
  const instance: Instance = { name, process: child, lines, ready: Promise.resolve() };
  instance.ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}):\n${output}`)));
    let rest = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('server ready')) resolve();
      const text = rest + chunk.toString();
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        if (!line.startsWith('{')) continue;
        try {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // A line that is not one of pino's: not a log record, nothing to count.
          continue;
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
  // A rejection after the test has moved on (the instance killed on purpose) is expected.
  instance.ready.catch(() => undefined);
  return instance;
}

const isRun = (line: Record<string, unknown>) => String(line['msg']).startsWith('maintenance run');
const runsOf = (instance: Instance) => instance.lines.filter(isRun).length;
const takeOversOf = (instance: Instance) =>
  instance.lines.filter((line) => line['msg'] === 'background cycle lease taken');

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 90_000) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The lease item as the list holds it. */
async function leaseItem(): Promise<{ holder: string; expiresAt: string }> {
  const page = (await h.client
    .api(`/sites/root/lists/${STATE_LIST}/items`)
    .expand('fields')
    .get()) as { value: { fields: Record<string, unknown> }[] };
  const lease = page.value.find((item) => item.fields['Soort'] === 'lease');
  if (!lease) throw new Error('no lease item');
  return { holder: String(lease.fields['Waarde']), expiresAt: String(lease.fields['VerlooptOp']) };
}

beforeAll(async () => {
  h = await startPlanningHarness();
  instances = ['a', 'b', 'c'].map(startInstance);
  await Promise.all(instances.map((instance) => instance.ready));
}, 180_000);

afterAll(async () => {
  for (const instance of instances) {
    if (instance.process.exitCode === null && instance.process.signalCode === null)
      instance.process.kill('SIGKILL');
  }
  await h?.close();
});

describe('three instances, one lease', () => {
  let holder: Instance;

  it('runs the background cycle on exactly one instance', async () => {
    await until(
      () => instances.reduce((sum, instance) => sum + runsOf(instance), 0) >= 5,
      'five maintenance runs',
    );
    const running = instances.filter((instance) => runsOf(instance) > 0);
    expect(running).toHaveLength(1);
    holder = running[0]!;
    expect(instances.flatMap(takeOversOf)).toHaveLength(1);
    expect((await leaseItem()).holder).toBe(takeOversOf(holder)[0]?.['holder']);
  });

  it('records a trainer’s answer once, on the holder', async () => {
    const signup = await proposed(h.context(sanne), 'GM0392');
    answer(h.sandbox, signup, 0, { berenschot: 'accept' });
    await until(
      async () =>
        (await current(h.context(sanne), signup.signup.id)).signup.options[0]?.answers
          .berenschot === 'accepted',
      'the answer recorded',
    );
    const log = await logOf(h.context(sanne), signup.signup.id);
    expect(new Set(log.map((line) => line.key)).size).toBe(log.length);
    expect(log.filter((line) => line.action === 'recordAnswers').length).toBeLessThanOrEqual(1);
    expect(instances.filter((instance) => runsOf(instance) > 0)).toEqual([holder]);
  });

  it('hands over when the holder is killed, not before its term has run out', async () => {
    const { expiresAt } = await leaseItem();
    holder.process.kill('SIGKILL');
    const others = instances.filter((instance) => instance !== holder);
    await until(
      () => others.some((instance) => takeOversOf(instance).length > 0),
      'another instance to take the lease over',
    );
    const successors = others.filter((instance) => takeOversOf(instance).length > 0);
    expect(successors).toHaveLength(1);
    const successor = successors[0]!;
    const takenAt = Number(takeOversOf(successor)[0]?.['time']);
    expect(takenAt).toBeGreaterThanOrEqual(Date.parse(expiresAt));
    await until(() => runsOf(successor) >= 2, 'the successor to run the cycle');
    const bystander = others.find((instance) => instance !== successor)!;
    expect(runsOf(bystander)).toBe(0);
    expect((await leaseItem()).holder).toBe(takeOversOf(successor)[0]?.['holder']);
  });
});
