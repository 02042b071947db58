// The lease of the background cycle on the SharePoint list, against the sandbox: of instances
// that try at once exactly one gets it (unique key on creation, If-Match after), the holder
// renews it, nobody else gets it before its term has run out, and a holder that was replaced
// does not get it back by renewing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createCycleLease } from '../../../src/graph/gateway.js';
import { startPlanningHarness, type PlanningHarness } from '../../support/planning.js';

let h: PlanningHarness;

beforeAll(async () => {
  h = await startPlanningHarness();
}, 120_000);
afterAll(async () => h?.close());

const at = (minutes: number) => new Date(Date.parse('2026-09-01T08:00:00Z') + minutes * 60_000);

describe('the background cycle lease', () => {
  it('goes to exactly one of three instances, and to another only after its term', async () => {
    const leases = ['a', 'b', 'c'].map(() => createCycleLease(h.client, { site: 'root' }));
    const first = await Promise.all(
      leases.map((lease, i) => lease.acquire(`instance-${i}`, at(0), at(3))),
    );
    expect(first.filter(Boolean)).toHaveLength(1);
    const winner = first.indexOf(true);
    const other = (winner + 1) % 3;

    // The holder renews; the others are refused while its term runs.
    expect(await leases[winner]!.acquire(`instance-${winner}`, at(1), at(4))).toBe(true);
    expect(await leases[other]!.acquire(`instance-${other}`, at(3.5), at(6.5))).toBe(false);

    // The holder stops renewing: after its term another instance takes it over …
    expect(await leases[other]!.acquire(`instance-${other}`, at(4.5), at(7.5))).toBe(true);
    // … and the old holder, waking up, does not get it back with its old version.
    expect(await leases[winner]!.acquire(`instance-${winner}`, at(5), at(8))).toBe(false);
  }, 60_000);

  it('is free at once after the holder gives it up', async () => {
    const a = createCycleLease(h.client, { site: 'root' });
    const b = createCycleLease(h.client, { site: 'root' });
    expect(await a.acquire('a', at(100), at(103))).toBe(true);
    expect(await b.acquire('b', at(101), at(104))).toBe(false);
    await a.release('a', at(101));
    expect(await b.acquire('b', at(101.5), at(104.5))).toBe(true);
  }, 60_000);
});
