// The API under load: listSignups and getSignup over real HTTP, the server composed from its
// settings (on-behalf-of tokens, Graph client, SharePoint reads) against the sandbox, with 44
// and then 400 sign-ups in the list. autocannon generates the load from a worker thread, so the
// process's main thread serves only the server and the sandbox. An operation that fails some
// requests does not stop the run: its row counts them (non-2xx, connection errors, timeouts) and
// names what the server logged for its 5xx answers, and the table is printed all the same.
import autocannon, { type Result } from 'autocannon';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { DateTime } from 'luxon';
import { demoCampaign } from '../src/domain/campaign.js';
import { toAmsterdamDate } from '../src/domain/time.js';
import type { SignupId } from '../src/domain/ids.js';
import { toEventId } from '../src/domain/ids.js';
import { registerSignup as registerInDomain, transition } from '../src/domain/lifecycle.js';
import type { Command } from '../src/domain/lifecycle-types.js';
import { MUNICIPALITIES, type Municipality } from '../src/domain/municipalities.js';
import type { PlanStep } from '../src/domain/ports.js';
import { validateSignup } from '../src/domain/signup-validation.js';
import type { Signup, Trainer } from '../src/domain/signup.js';
import type { Sandbox } from '@workshopplanner/m365-sandbox';
import { PEOPLE, PRODUCT_APP } from '@workshopplanner/m365-sandbox/people';
import { buildServer } from '../src/server/build-server.js';
import { readEnv } from '../src/server/env.js';
import { accountHolderOf, startStack, UNLIMITED_RATE, type BenchStack } from './support.js';

const API_IDENTIFIER_URI = `api://localhost:3000/${PRODUCT_APP.clientId}`;
const DURATION_SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const CONNECTIONS = 10;
export const SIGNUP_COUNTS = [44, 400, 3420] as const;
/**
 * Every municipality of the register once per edition. The register is Noord-Holland's 44
 * (src/domain/municipalities.ts), so 3,420 sign-ups are 44 per edition over 78 editions, not the
 * country's 342 over 10: the whole list and the pages over all editions are the same size, one
 * edition's share is smaller than it would be with a country-sized register.
 */
const EDITION_SIZE = MUNICIPALITIES.length;
/** A full list of thousands of sign-ups answers in seconds: a fixed number of requests then. */
const FULL_LIST_REQUESTS_ABOVE_400 = 30;

export interface ApiBenchRow {
  readonly operation: string;
  readonly signups: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly kilobytesPerAnswer: number;
  /** Requests answered (2xx or not), plus those that got no answer. */
  readonly requests: number;
  /** Non-2xx answers, connection errors and timeouts. */
  readonly errors: number;
  /** e.g. "9 × 503"; empty when every answer was 2xx. */
  readonly statuses: string;
  /** What the server logged for its 5xx answers during this operation, with how often. */
  readonly causes: readonly string[];
}

/**
 * The server's log at level error (its 5xx answers), kept as "message (error name)" lines so the
 * bench can say why an operation failed instead of only that it did.
 */
class ErrorLog extends Writable {
  #lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const entry = JSON.parse(line) as {
          level?: number;
          msg?: string;
          err?: { type?: string; message?: string };
        };
        if ((entry.level ?? 0) < 50) continue;
        const cause = entry.err?.message
          ? `: ${entry.err.type ?? 'Error'} ${entry.err.message}`
          : '';
        this.#lines.push(`${entry.msg ?? '(no message)'}${cause}`.slice(0, 300));
      } catch {
        this.#lines.push(line.slice(0, 300));
      }
    }
    done();
  }

  /** The lines since the last call, counted: "9 × graph failed: …". */
  take(): string[] {
    const counts = new Map<string, number>();
    for (const line of this.#lines) counts.set(line, (counts.get(line) ?? 0) + 1);
    this.#lines = [];
    return [...counts].map(([line, count]) => `${count} × ${line}`);
  }
}

/** A delegated token for the API as the tab gets it (the sandbox's password grant). */
export async function apiToken(sandbox: Sandbox, upnStart: string): Promise<string> {
  const person = PEOPLE.find((p) => p.upn.startsWith(upnStart));
  if (!person) throw new Error(`no seeded person ${upnStart}`);
  const tenant = person.upn.split('@')[1];
  const response = await fetch(`${sandbox.urls.https}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: PRODUCT_APP.clientId,
      client_secret: PRODUCT_APP.clientSecret,
      username: person.upn,
      password: sandbox.ctx.config.userPassword,
      scope: `${API_IDENTIFIER_URI}/access_as_user`,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${person.upn}: ${response.status}`);
  return body.access_token;
}

function applied(state: Signup, command: Command, now: Date): Signup {
  const result = transition(state, command, now);
  if (!result.ok) throw new Error(`seed: ${command.type} refused: ${result.error.code}`);
  return result.state;
}

/**
 * The `index`-th seeded sign-up, without Graph traffic for calendars: a third registered, a
 * third with options placed (event ids made up), a third confirmed — so views have options,
 * answers and pairs to render, as in a real list.
 */
function seededSignup(
  municipality: Municipality,
  index: number,
  pair: { berenschot: Trainer; riec: Trainer },
  now: Date,
): Signup {
  const demo = demoCampaign(toAmsterdamDate(now));
  // One edition per EDITION_SIZE sign-ups (a municipality signs up once per edition).
  const edition = Math.floor(index / EDITION_SIZE);
  const campaign = edition === 0 ? demo : { ...demo, id: `${demo.id}-${edition + 1}` };
  const monday = DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' })
    .startOf('week')
    .plus({ weeks: 2 + (index % 12) });
  const preferences = [1, 2, 3].map((day) => {
    const start = monday.plus({ days: day }).set({ hour: 19, minute: 30 });
    return { start: start.toISO()!, end: start.plus({ hours: 3 }).toISO()! };
  });
  const validation = validateSignup(
    {
      cbsCode: municipality.cbsCode,
      contact: {
        name: 'Kabinet van de burgemeester',
        email: `burgemeester@${municipality.domain}`,
      },
      preferences,
      scanStatus: 'onbekend',
      remarks: '',
    },
    campaign,
    now,
  );
  if (!validation.ok) throw new Error(`seed: ${validation.errors.map((e) => e.code).join()}`);
  const holder = accountHolderOf(municipality.riec);
  let state = registerInDomain(
    {
      id: '0' as SignupId,
      campaign,
      signup: validation.value,
      accountHolder: { name: holder.name, email: holder.email },
    },
    now,
  ).state;
  if (index % 3 === 0) return state;
  state = applied(state, { type: 'propose', pair, by: holder.email }, now);
  const eventIds = state.options.map((o) => ({
    slotIndex: o.slotIndex,
    eventId: toEventId(`bench-${index}-${o.slotIndex}`),
  }));
  state = applied(state, { type: 'recordHoldIds', eventIds }, now);
  if (index % 3 === 1) return state;
  state = applied(
    state,
    {
      type: 'recordAnswers',
      answers: [{ slotIndex: 0, berenschot: 'accepted', riec: 'accepted' }],
    },
    now,
  );
  return applied(
    state,
    {
      type: 'confirm',
      slotIndex: 0,
      by: holder.email,
      freshAvailability: { berenschot: 'free', riec: 'free' },
    },
    now,
  );
}

/** Adds sign-ups `from`..`to`-1 straight to the list ($batch, 20 items a request). */
export async function seedSignups(stack: BenchStack, from: number, to: number): Promise<string[]> {
  const trainers = await stack.m365.trainers.listTrainers();
  const pair = {
    berenschot: trainers.find((t) => t.role === 'berenschot')!,
    riec: trainers.find((t) => t.role === 'riec')!,
  };
  const now = stack.sandbox.ctx.clock.now();
  const steps: PlanStep[] = [];
  for (let index = from; index < to; index++) {
    const municipality = MUNICIPALITIES[index % MUNICIPALITIES.length]!;
    steps.push({
      kind: 'createSignup',
      signup: seededSignup(municipality, index, pair, now),
      pending: null,
    });
  }
  // In chunks, each retried when the request fails on a connection the sandbox closed while
  // idle (fetch failed) or times out on a busy machine; a retried chunk's items that did arrive the first time then answer a
  // conflict on the unique column, and are skipped.
  const ids: string[] = [];
  for (let start = 0; start < steps.length; start += 100) {
    const chunk = steps.slice(start, start + 100);
    for (let attempt = 1; ; attempt++) {
      try {
        const outcomes = await stack.m365.plan.run(chunk, 'independent');
        for (const outcome of outcomes) {
          if (outcome.ok && outcome.signupId) ids.push(outcome.signupId);
          else if (attempt === 1) throw new Error(`seed failed: ${JSON.stringify(outcome)}`);
        }
        break;
      } catch (error) {
        // On a loaded machine a connection to the sandbox may fail several times in a row
        // (undici's connect timeout): wait a little longer each time.
        if (attempt >= 10 || !/fetch failed|TimeoutError/.test(String(error))) throw error;
        console.error(`api: seeding chunk at ${from + start} failed (${String(error)}), again…`);
        await new Promise((resolve) => setTimeout(resolve, 2_000 * attempt));
      }
    }
  }
  const stored = await stack.m365.statusLog.list({});
  if (stored.length !== to) throw new Error(`seed: ${stored.length} sign-ups, not ${to}`);
  return ids;
}

async function load(url: string, token: string, amount?: number): Promise<Result> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    ...(amount === undefined ? { duration: DURATION_SECONDS } : { amount }),
    timeout: 600,
    headers: { authorization: `Bearer ${token}`, 'x-correlation-id': `bench-${randomUUID()}` },
    workers: 1,
  });
  return result;
}

/** "9 × 500, 1 × 503" for the non-2xx answers, plus connection errors and timeouts. */
function describeFailures(result: Result): string {
  const parts = Object.entries(result.statusCodeStats ?? {})
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, stats]) => `${(stats as { count: number }).count} × ${status}`);
  // autocannon counts a timeout as an error too.
  const errors = result.errors - result.timeouts;
  if (errors > 0) parts.push(`${errors} connection error(s)`);
  if (result.timeouts > 0) parts.push(`${result.timeouts} timeout(s)`);
  return parts.join(', ');
}

function toRow(
  operation: string,
  signups: number,
  result: Result,
  causes: readonly string[],
): ApiBenchRow {
  const row: ApiBenchRow = {
    operation,
    signups,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    kilobytesPerAnswer: result.throughput.average / Math.max(1, result.requests.average) / 1024,
    requests: result.requests.sent ?? result.totalCompletedRequests + result.errors,
    errors: result.non2xx + result.errors,
    statuses: describeFailures(result),
    causes,
  };
  if (row.errors > 0) {
    console.error(`api: ${operation} at ${signups}: ${row.errors} failed (${row.statuses})`);
    for (const cause of causes) console.error(`  server log: ${cause}`);
  }
  return row;
}

export async function runApiBench(): Promise<ApiBenchRow[]> {
  const stack = await startStack(DateTime.now().setZone('Europe/Amsterdam').toISODate()!);
  const env = readEnv({
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    AUTHORITY_HOST: stack.sandbox.urls.https,
    GRAPH_BASE_URL: `${stack.sandbox.urls.https}/v1.0`,
    API_IDENTIFIER_URI,
    WEB_DIST_DIR: '.data/no-web-bundle-in-bench',
    SYNC_INTERVAL_SECONDS: '0',
    ...UNLIMITED_RATE,
  });
  const errorLog = new ErrorLog();
  const server = await buildServer({ env, logger: errorLog });
  const base = await server.listen({ host: '127.0.0.1', port: 0 });
  const rows: ApiBenchRow[] = [];
  try {
    // The coordinator reads every RIEC: the list is the whole list.
    const token = await apiToken(stack.sandbox, 'pieter.bakker');
    const ids: string[] = [];
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    for (const count of SIGNUP_COUNTS) {
      ids.push(...(await seedSignups(stack, ids.length, count)));
      const one = ids[Math.floor(ids.length / 2)]!;
      // Warm up: the on-behalf-of token and the JIT, outside the measurement. A failure here
      // is reported, not fatal: the measurement counts the failures itself.
      for (const path of ['/api/signups', `/api/signups/${one}`]) {
        const response = await fetch(`${base}${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (!response.ok) {
          console.error(`api: warm-up ${path}: ${response.status} ${await response.text()}`);
        }
      }
      errorLog.take();
      console.error(`api: ${count} sign-ups, ${DURATION_SECONDS} s per operation…`);
      const fullAmount = count > 400 ? FULL_LIST_REQUESTS_ABOVE_400 : undefined;
      const measure = async (operation: string, path: string, amount?: number) => {
        const result = await load(`${base}${path}`, token, amount);
        rows.push(toRow(operation, count, result, errorLog.take()));
      };
      await measure('listSignups', '/api/signups', fullAmount);
      // The first page (issue 16, item 4): 50 full views, and the overview's 50 rows.
      await measure('listSignups?limit=50', '/api/signups?limit=50');
      await measure('listSignupSummaries', '/api/signups/summaries');
      await measure('getSignup', `/api/signups/${one}`);
    }
    // One on-behalf-of exchange per user token, not per request (src/graph/client/obo-token-cache.ts).
    const tokenRequests = stack.sandbox.ctx.requestLog
      .since(since)
      .filter((entry) => entry.kind === 'identity' && entry.path.includes('/oauth2/v2.0/token'));
    console.error(`api: ${tokenRequests.length} token request(s) during the load`);
  } finally {
    await server.close();
    await stack.close();
  }
  return rows;
}
