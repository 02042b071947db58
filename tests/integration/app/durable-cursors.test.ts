// Delta cursors live in Microsoft 365 (the list "Workshopsynchronisatie"), not in one process's
// memory: a restarted process or another instance continues where the last sync left off
// instead of reading every calendar from scratch, and an instance with an older cursor only
// reads again what is already stored.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAppState } from '../../../src/app/app-state.js';
import { syncAnswers } from '../../../src/app/sync-answers.js';
import { STATE_LIST } from '../../../src/graph/sharepoint/lists.js';
import {
  accountHolder,
  FIXED_TODAY,
  measure,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import { answer, current, proposed } from '../../support/planning-scenarios.js';

let h: PlanningHarness;
const sanne = accountHolder('sanne.devries');

beforeAll(async () => {
  h = await startPlanningHarness({ today: FIXED_TODAY });
}, 120_000);
afterAll(async () => h?.close());

describe('delta cursors kept in Microsoft 365', () => {
  it('a restarted process continues from the stored cursor', async () => {
    const signup = await proposed(h.context(sanne), 'GM0392');
    const first = await syncAnswers(h.context(sanne), sanne.email);
    expect(first.changes).toBeGreaterThanOrEqual(3); // from scratch: every hold in the window

    // The process restarts: nothing in memory. One read of the cursor, one delta request.
    const restarted = h.context(sanne, { state: createAppState() });
    const { result, requests } = await measure(h, () => syncAnswers(restarted, sanne.email));
    expect(result.changes).toBe(0);
    expect(requests).toBe(2);
    // …after which an idle sync is one request again.
    const idle = await measure(h, () => syncAnswers(restarted, sanne.email));
    expect(idle.requests).toBe(1);

    // An answer arrives; another instance, also fresh, picks it up from the stored cursor.
    answer(h.sandbox, signup, 0, { berenschot: 'accept' });
    const other = h.context(sanne, { state: createAppState() });
    const synced = await syncAnswers(other, sanne.email);
    expect(synced.changes).toBe(1);
    expect(synced.updated).toEqual([signup.signup.id]);
    expect((await current(other, signup.signup.id)).signup.options[0]?.answers.berenschot).toBe(
      'accepted',
    );

    // The first process still has its older cursor: it reads the change again, finds it stored
    // and changes nothing.
    const behind = await syncAnswers(restarted, sanne.email);
    expect(behind.changes).toBe(1);
    expect(behind.updated).toEqual([]);
    expect(behind.failed).toEqual([]);

    // A third start finds the cursor past that change.
    const third = await syncAnswers(h.context(sanne, { state: createAppState() }), sanne.email);
    expect(third.changes).toBe(0);
  }, 90_000);

  it('keeps one item per organizer, written by the application only', async () => {
    const page = (await h.client
      .api(`/sites/root/lists/${STATE_LIST}/items`)
      .expand('fields')
      .get()) as { value: { fields: Record<string, unknown> }[] };
    const cursors = page.value.filter((item) => item.fields['Soort'] === 'deltaCursor');
    expect(cursors.map((item) => item.fields['Sleutel'])).toEqual([
      `deltaCursor|${sanne.email.toLowerCase()}`,
    ]);
    expect(String(cursors[0]?.fields['Waarde'])).toContain('/calendarView/delta?');
  }, 30_000);

  it('writes the cursor again when its item was deleted by hand', async () => {
    const ctx = h.context(sanne, { state: createAppState() });
    await syncAnswers(ctx, sanne.email); // this process now knows the cursor's item
    const items = (await h.client
      .api(`/sites/root/lists/${STATE_LIST}/items`)
      .expand('fields')
      .get()) as { value: { id: string; fields: Record<string, unknown> }[] };
    for (const item of items.value.filter((i) => i.fields['Soort'] === 'deltaCursor'))
      await h.client.api(`/sites/root/lists/${STATE_LIST}/items/${item.id}`).delete();

    await proposed(ctx, 'GM0373');
    const report = await syncAnswers(ctx, sanne.email);
    expect(report.changes).toBeGreaterThanOrEqual(3);
    expect(report.failed).toEqual([]);
    const fresh = await syncAnswers(h.context(sanne, { state: createAppState() }), sanne.email);
    expect(fresh.changes).toBe(0);
  }, 90_000);
});
