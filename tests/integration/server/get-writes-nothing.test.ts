// A GET writes nothing to Microsoft 365 (issue 17, item 2): every GET operation of the contract,
// called by the account holder, the coordinator and the workshop's RIEC trainer with path
// parameters from a seeded sign-up (planned, confirmed, an attendee list and groups stored, so
// every reading path has something to read), leaves the sandbox's
// request log without a single Graph write (POST/PATCH/PUT/DELETE, $batch parts included; the
// $batch envelope and getSchedule are reads). Iterating the contract means a GET added later is
// covered without touching this file.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as contract from '../../../src/contract/index.js';
import type { OperationSpec } from '../../../src/contract/index.js';
import { toSignupId } from '../../../src/domain/ids.js';
import { municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import type { StoredSignup } from '../../../src/domain/ports.js';
import { closePlanSolver } from '../../../src/server/routes/planning/_plan-solver.js';
import { accountHolder } from '../../support/planning.js';
import {
  acceptPlanned,
  apply,
  confirmPlanned,
  groupEvenings,
  plan,
  register,
} from '../../support/planner.js';
import {
  expectStatus,
  FIXED_TODAY,
  graphWritesSince,
  startApiStack,
  type ApiStack,
} from './api-harness.js';

const SANNE = 'sanne.devries';
const PIETER = 'pieter.bakker';

let stack: ApiStack;
let placed: StoredSignup;
let callers: string[];

const getOperations = (Object.values(contract) as unknown[])
  .filter(
    (value): value is OperationSpec =>
      typeof value === 'object' &&
      value !== null &&
      'operationId' in value &&
      'method' in value &&
      (value as OperationSpec).method === 'GET',
  )
  .sort((a, b) => a.operationId.localeCompare(b.operationId));

function pathOf(operation: OperationSpec): string {
  const params: Record<string, string> = {
    signupId: placed.signup.id,
    campaignId: placed.signup.campaignId,
  };
  const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
  return `/api${path}`;
}

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  const sanne = stack.planning.context(accountHolder(SANNE));
  const haarlem = municipalitiesOfRiec('RIEC Noord-Holland')[0]!;
  await register(sanne, haarlem.cbsCode, groupEvenings(0, FIXED_TODAY, 3));
  const made = await plan(sanne);
  await apply(sanne, made);
  await acceptPlanned(stack.sandbox, stack.planning.m365, made);
  const { confirmed } = await confirmPlanned(sanne, made);
  placed = (await stack.planning.m365.statusLog.read(toSignupId(confirmed[0]!)))!;
  const riecTrainer = placed.signup.pair!.riec.email.split('@')[0]!;
  callers = [SANNE, PIETER, riecTrainer];
  const attendees = `/api/signups/${placed.signup.id}/attendees`;
  const table = [
    'Naam\tFractie\tCoalitie/oppositie\tRol',
    'Wilhelmina Zonnebloem\tPartij Zilvermeeuw\tcoalitie\traadslid',
    'Barend Kwikstaart\tPartij Zilvermeeuw\tcoalitie\traadslid',
    'Cornelia Boterbloem\tLijst Korenwolf\toppositie\traadslid',
    'Dirkje Sleedoorn\tLijst Korenwolf\toppositie\tburgerlid',
  ].join('\n');
  const body = { source: { kind: 'text', text: table } };
  expectStatus(await stack.as(SANNE, attendees, { method: 'PUT', body }), 200);
  expectStatus(
    await stack.as(riecTrainer, `/api/signups/${placed.signup.id}/groups`, {
      method: 'POST',
      body: { groups: { count: 2 }, seed: 7, outside: [], apart: [] },
    }),
    200,
  );
  // Warm the token cache so the count below sees only what the operations do.
  for (const caller of callers) await stack.token(caller);
}, 300_000);
afterAll(async () => {
  await closePlanSolver();
  await stack?.close();
});

describe('every GET operation of the contract', () => {
  it('finds the GET operations in the contract', () => {
    const ids = getOperations.map((operation) => operation.operationId);
    expect(ids).toEqual(expect.arrayContaining(['getSignup', 'getSignupLog', 'listSignups']));
  });

  it.each(getOperations.map((operation) => [operation.operationId, operation] as const))(
    '%s writes nothing to Graph',
    async (_id, operation) => {
      const since = stack.sandbox.ctx.requestLog.lastSeq;
      const statuses: number[] = [];
      for (const caller of callers) {
        statuses.push((await stack.as(caller, pathOf(operation))).status);
      }
      expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
      // At least one caller got an answer, so the operation's reading path really ran.
      expect(statuses.some((status) => status >= 200 && status < 300)).toBe(true);
    },
    120_000,
  );
});
