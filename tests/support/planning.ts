// A planning core wired to a fresh sandbox, as the server wires it: msal-node client
// credentials over HTTPS, the Graph client with its middleware, lists provisioned (as
// `npm run provision` does: by the administrator's provisioning app, which grants the product
// app `write` on the site), trainers seeded.
import type { Client } from '@microsoft/microsoft-graph-client';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { mintAccess, type Access } from '../../src/app/access.js';
import { createAppState, type AppState } from '../../src/app/app-state.js';
import { createUseCaseContext, type UseCaseContext } from '../../src/app/context.js';
import { RIECS, type Municipality } from '../../src/domain/municipalities.js';
import {
  findElectionInWeekOf,
  findEveningOff,
  findPublicHoliday,
} from '../../src/domain/dutch-calendar.js';
import type { Microsoft365 } from '../../src/domain/ports.js';
import { createGraphClient, RequestCounter } from '../../src/graph/client/client.js';
import { appTokenProvider, createConfidentialClient } from '../../src/graph/client/tokens.js';
import { createMicrosoft365 } from '../../src/graph/gateway.js';
import { provisionSite } from '../../src/graph/sharepoint/provision.js';
import type { TrainerSeed } from '../../src/graph/sharepoint/trainer-fields.js';
import { type Sandbox, countRoundTrips } from '@workshopplanner/m365-sandbox';
import {
  BERENSCHOT_TENANT,
  PEOPLE,
  PRODUCT_APP,
  PROVISIONING_APP,
  RIEC_TENANT,
} from '@workshopplanner/m365-sandbox/people';
import { startTestSandbox, type TestSandboxOptions } from './sandbox.js';

/** The sandbox's advisors as the trainer list the product keeps in SharePoint. */
export function sandboxTrainers(): TrainerSeed[] {
  return PEOPLE.filter((p) => p.roles.includes('Workshop.Trainer')).map((p) => ({
    name: `${p.givenName} ${p.surname}`,
    email: p.upn,
    organisation: p.tenant === 'berenschot' ? 'Berenschot' : 'RIEC',
    ...(p.tenant === 'riec'
      ? { riec: RIECS.find((r) => r === p.department) ?? 'RIEC Noord-Holland' }
      : {}),
    account: {
      tenantId: p.tenant === 'berenschot' ? BERENSCHOT_TENANT.id : RIEC_TENANT.id,
      objectId: p.id,
    },
  }));
}

/**
 * A fixed "today" for tests whose inputs are dates: the sandbox's clock is set to it (it keeps
 * running from there), so a test asks for the same evenings on every day it runs — never
 * kerstavond because the suite ran in December. A Tuesday in September: the evenings 3 to 9
 * weeks ahead (eveningSlots) hold no holiday or evening off.
 */
export const FIXED_TODAY = new Date('2026-09-01T09:00:00+02:00');

/** A Graph client as the administrator's provisioning app (Sites.FullControl.All). */
export function adminClient(sandbox: Sandbox): Client {
  const msal = createConfidentialClient({
    authorityHost: sandbox.urls.https,
    tenantId: RIEC_TENANT.id,
    clientId: PROVISIONING_APP.clientId,
    clientSecret: PROVISIONING_APP.clientSecret,
  });
  return createGraphClient({
    baseUrl: `${sandbox.urls.https}/v1.0`,
    tokens: appTokenProvider(msal),
  });
}

export interface PlanningHarness {
  readonly sandbox: Sandbox;
  readonly client: Client;
  readonly counter: RequestCounter;
  readonly m365: Microsoft365;
  readonly state: AppState;
  /** A use-case context for this access; `now` defaults to the sandbox clock. */
  context(
    access: Access,
    overrides?: {
      now?: () => Date;
      m365?: Microsoft365;
      state?: AppState;
      register?: readonly Municipality[];
    },
  ): UseCaseContext;
  close(): Promise<void>;
}

export async function startPlanningHarness(
  options: TestSandboxOptions = {},
): Promise<PlanningHarness> {
  const sandbox = await startTestSandbox(options);
  const counter = new RequestCounter();
  const msal = createConfidentialClient({
    authorityHost: sandbox.urls.https,
    tenantId: RIEC_TENANT.id,
    clientId: PRODUCT_APP.clientId,
    clientSecret: PRODUCT_APP.clientSecret,
  });
  const client = createGraphClient({
    baseUrl: `${sandbox.urls.https}/v1.0`,
    tokens: appTokenProvider(msal),
    counter,
  });
  await provisionSite(adminClient(sandbox), 'root', {
    productApp: { id: PRODUCT_APP.clientId, displayName: PRODUCT_APP.displayName },
    trainers: sandboxTrainers(),
    demoCampaign: true,
  });
  const m365 = createMicrosoft365(client, { site: 'root' });
  const state = createAppState();
  return {
    sandbox,
    client,
    counter,
    m365,
    state,
    context: (access, overrides = {}) =>
      createUseCaseContext({
        m365: overrides.m365 ?? m365,
        access,
        state: overrides.state ?? state,
        now: overrides.now ?? (() => sandbox.ctx.clock.now()),
        newId: randomUUID,
        ...(overrides.register ? { register: overrides.register } : {}),
      }),
    close: () => sandbox.close(),
  };
}

export function accountHolder(upnStart = 'sanne.devries'): Access {
  const person = PEOPLE.find((p) => p.upn.startsWith(upnStart));
  if (!person) throw new Error(`no seeded person ${upnStart}`);
  return mintAccess({
    tenantId: person.tenant === 'berenschot' ? BERENSCHOT_TENANT.id : RIEC_TENANT.id,
    userId: person.id,
    email: person.upn,
    name: `${person.givenName} ${person.surname}`,
    roles: ['accountHolder'],
    riecs: [RIECS.find((r) => r === person.department) ?? 'RIEC Noord-Holland'],
  });
}

/**
 * Measures an operation's Graph traffic two ways: the sandbox's request log (requests that
 * reached Graph; parts of a batch do not count) and the client's counter (sequential round
 * trips: requests in flight at the same time count once).
 */
export async function measure<T>(
  h: PlanningHarness,
  run: () => Promise<T>,
): Promise<{ result: T; requests: number; sequential: number }> {
  const since = h.sandbox.ctx.requestLog.lastSeq;
  const mark = h.counter.mark();
  const result = await run();
  const requests = countRoundTrips(h.sandbox.ctx.requestLog.since(since));
  return { result, requests, sequential: h.counter.sequentialSince(mark) };
}

/**
 * Three weekday evenings (Tue, Wed, Thu 19:30–22:30 Amsterdam) in the week `weeksAhead` weeks
 * from `now`, as ISO instants: what a municipality typically asks for.
 */
export function eveningSlots(now: Date, weeksAhead = 3): { start: string; end: string }[] {
  const monday = DateTime.fromJSDate(now, { zone: 'Europe/Amsterdam' })
    .startOf('week')
    .plus({ weeks: weeksAhead });
  return [1, 2, 3].map((day) => {
    const start = monday.plus({ days: day }).set({ hour: 19, minute: 30 });
    return { start: start.toISO()!, end: start.plus({ hours: 3 }).toISO()! };
  });
}

/**
 * eveningSlots, or the first later week whose three evenings draw no warning (a holiday,
 * kerstavond, an election week): for the one test that must run on the real date (a sign-in whose
 * tokens the client checks against its own clock), so that it never meets kerstavond in December.
 */
export function ordinaryEveningSlots(now: Date, weeksAhead = 3): { start: string; end: string }[] {
  for (let weeks = weeksAhead; ; weeks += 1) {
    const slots = eveningSlots(now, weeks);
    const dates = slots.map((slot) => slot.start.slice(0, 10));
    if (dates.every((d) => !findPublicHoliday(d) && !findEveningOff(d) && !findElectionInWeekOf(d)))
      return slots;
  }
}
