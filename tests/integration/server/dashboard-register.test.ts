// The dashboard's read counts the register it is given (issue 13 leftovers, item 1): by default
// the 44 municipalities of Noord-Holland, or one of 342 (generated, as a bench would use); "not signed up" is the register less
// the municipalities that signed up for the edition.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SYSTEM_ACCESS } from '../../../src/app/access.js';
import { listMunicipalities } from '../../../src/app/read-signups.js';
import { computeDashboard } from '../../../src/domain/dashboard.js';
import { MUNICIPALITIES } from '../../../src/domain/municipalities.js';
import { eveningSlots, FIXED_TODAY } from '../../support/planning.js';
import { largeRegister } from '../../support/register.js';
import { expectStatus, startApiStack, type ApiStack } from './api-harness.js';

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  // Haarlem signs up for the current edition.
  expectStatus(
    await stack.as('sanne.devries', '/api/signups', {
      method: 'POST',
      body: {
        cbsCode: 'GM0392',
        contact: { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' },
        preferences: eveningSlots(FIXED_TODAY, 5),
        scanStatus: 'onbekend',
      },
    }),
    201,
  );
}, 300_000);
afterAll(async () => stack?.close());

async function countsWith(register?: ReturnType<typeof largeRegister>) {
  const ctx = stack.planning.context(SYSTEM_ACCESS, register ? { register } : {});
  const outcome = await listMunicipalities(ctx);
  if (!outcome.ok) throw new Error('listMunicipalities failed');
  const rows = outcome.value;
  const signedUp = rows.filter((row) => row.signup).length;
  const dashboard = computeDashboard(
    rows.map((row) => row.municipality),
    rows.flatMap((row) => (row.signup ? [row.signup.signup] : [])),
  );
  return { rows: rows.length, signedUp, notSignedUp: dashboard.total.notSignedUp };
}

describe('the dashboard over a register passed in', () => {
  it('generates 342 municipalities with unique GMxxxx codes over every RIEC', () => {
    const register = largeRegister(342);
    expect(register).toHaveLength(342);
    expect(new Set(register.map((m) => m.cbsCode)).size).toBe(342);
    expect(register.every((m) => /^GM\d{4}$/.test(m.cbsCode))).toBe(true);
  });

  it('counts the 44 of Noord-Holland by default and 342 − signed up with a register of 342', async () => {
    const standard = await countsWith();
    expect(standard.signedUp).toBe(1);
    expect(standard.rows).toBe(MUNICIPALITIES.length);
    expect(standard.notSignedUp).toBe(MUNICIPALITIES.length - standard.signedUp);
    const large = await countsWith(largeRegister(342));
    expect(large.rows).toBe(342);
    expect(large.signedUp).toBe(standard.signedUp);
    expect(large.notSignedUp).toBe(342 - large.signedUp);
  }, 120_000);
});
