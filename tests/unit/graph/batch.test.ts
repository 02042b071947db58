// The $batch executor against a scripted Graph: chunks of 20, only throttled parts resubmitted
// after the longest Retry-After, serial chains resumed from the first throttled part.
import { describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  OUTCOME_UNKNOWN,
  executeBatch,
  type BatchRequest,
} from '../../../src/graph/client/batch.js';
import { GraphRequestFailure } from '../../../src/graph/client/errors.js';

interface SentPart {
  id: string;
  dependsOn?: string[];
}

/** A fake Graph that answers each part with the next status scripted for its id (default 200). */
function scriptedGraph(
  script: Record<string, number[]>,
  retryAfter: Record<string, string> = {},
  /** Status of the whole envelope per call (a thrown 429/503/504); default: it goes through. */
  envelopes: number[] = [],
) {
  const batches: SentPart[][] = [];
  const client = {
    api: (path: string) => ({
      post: async (body: { requests: SentPart[] }) => {
        expect(path).toBe('/$batch');
        batches.push(body.requests);
        const envelope = envelopes.shift();
        if (envelope) throw new GraphRequestFailure(envelope, 'ServiceNotAvailable', 'x', 'r');
        let failedBefore = false;
        const responses = body.requests.map((part) => {
          const dependsOnFailure = part.dependsOn !== undefined && failedBefore;
          const status = dependsOnFailure ? 424 : (script[part.id]?.shift() ?? 200);
          if (status >= 400) failedBefore = true;
          const headers: Record<string, string> =
            status === 429 || status === 503 ? { 'Retry-After': retryAfter[part.id] ?? '0' } : {};
          return { id: part.id, status, headers, body: { id: `event-${part.id}` } };
        });
        return { responses: responses.reverse() };
      },
    }),
  } as unknown as Client;
  return { client, batches };
}

const requests = (n: number): BatchRequest[] =>
  Array.from({ length: n }, (_, i) => ({
    id: String(i + 1),
    method: 'POST',
    url: '/users/x/events',
    body: { n: i },
  }));

describe('executeBatch', () => {
  it('sends at most 20 requests per batch', async () => {
    const { client, batches } = scriptedGraph({});
    const answers = await executeBatch(client, requests(45));
    expect(batches.map((b) => b.length)).toEqual([20, 20, 5]);
    expect([...answers.values()].every((a) => a.status === 200)).toBe(true);
  });

  it('resubmits only the throttled parts, after the longest Retry-After among them', async () => {
    const { client, batches } = scriptedGraph({ '2': [429], '5': [503] }, { '2': '2', '5': '7' });
    const waits: number[] = [];
    const answers = await executeBatch(client, requests(6), {
      sleep: async (ms) => void waits.push(ms),
    });
    expect(batches.map((b) => b.map((p) => p.id))).toEqual([
      ['1', '2', '3', '4', '5', '6'],
      ['2', '5'],
    ]);
    expect(waits).toEqual([7000]);
    expect(answers.get('2')?.status).toBe(200);
  });

  it('gives up after the last attempt and returns the throttled answer', async () => {
    const { client } = scriptedGraph({ '1': [429, 429, 429] });
    const answers = await executeBatch(client, requests(1), {
      maxAttempts: 3,
      sleep: async () => {},
    });
    expect(answers.get('1')?.status).toBe(429);
  });

  it('does not retry an error that is not throttling', async () => {
    const { client, batches } = scriptedGraph({ '1': [412] });
    const answers = await executeBatch(client, requests(2), { sleep: async () => {} });
    expect(batches).toHaveLength(1);
    expect(answers.get('1')?.status).toBe(412);
  });

  it('chains a serial batch with dependsOn and resumes it from the first throttled part', async () => {
    const { client, batches } = scriptedGraph({ '2': [429] });
    const waits: number[] = [];
    const answers = await executeBatch(client, requests(4), {
      serial: true,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(batches[0]!.map((p) => p.dependsOn)).toEqual([undefined, ['1'], ['2'], ['3']]);
    expect(batches[1]!.map((p) => p.id)).toEqual(['2', '3', '4']);
    expect(batches[1]![0]!.dependsOn).toBeUndefined();
    // 424s of the dependents carry no Retry-After and must not add waiting of their own.
    expect(waits).toEqual([0]);
    expect([...answers.values()].map((a) => a.status)).toEqual([200, 200, 200, 200]);
  });

  it('stops a serial chain at a failure that is not throttling and does not run later chunks', async () => {
    const { client, batches } = scriptedGraph({ '1': [412] });
    const answers = await executeBatch(client, requests(25), {
      serial: true,
      sleep: async () => {},
    });
    expect(batches).toHaveLength(1);
    expect(answers.get('1')?.status).toBe(412);
    expect(answers.get('25')?.status).toBe(424);
  });

  describe('after a 429/503/504 for the whole envelope (its parts may have run)', () => {
    const mixed: BatchRequest[] = [
      { id: '1', method: 'PATCH', url: '/sites/root/lists/a/items/1/fields', body: {} },
      { id: '2', method: 'POST', url: '/users/x/events', body: {}, idempotent: true },
      { id: '3', method: 'POST', url: '/users/x/sendMail', body: {} },
      { id: '4', method: 'POST', url: '/sites/root/lists/b/items', body: {}, idempotent: true },
    ];

    it('resends an envelope of idempotent parts whole', async () => {
      const { client, batches } = scriptedGraph({}, {}, [503]);
      const answers = await executeBatch(
        client,
        requests(3).map((r) => ({ ...r, idempotent: true })),
        {
          sleep: async () => {},
        },
      );
      expect(batches.map((b) => b.map((p) => p.id))).toEqual([
        ['1', '2', '3'],
        ['1', '2', '3'],
      ]);
      expect([...answers.values()].every((a) => a.status === 200)).toBe(true);
    });

    it('never resends a part that is not idempotent: it is answered "outcome unknown"', async () => {
      const { client, batches } = scriptedGraph({}, {}, [504]);
      const answers = await executeBatch(client, mixed, { sleep: async () => {} });
      expect(batches.map((b) => b.map((p) => p.id))).toEqual([
        ['1', '2', '3', '4'],
        ['1', '2', '4'],
      ]);
      expect(answers.get('3')).toMatchObject({
        status: 504,
        body: { error: { code: OUTCOME_UNKNOWN } },
      });
      expect(answers.get('4')?.status).toBe(200);
    });

    it('in a chain, resends only the parts before the first that is not idempotent', async () => {
      const { client, batches } = scriptedGraph({}, {}, [503]);
      const answers = await executeBatch(client, mixed, { serial: true, sleep: async () => {} });
      expect(batches.map((b) => b.map((p) => p.id))).toEqual([
        ['1', '2', '3', '4'],
        ['1', '2'],
      ]);
      expect([...answers.values()].map((a) => a.status)).toEqual([200, 200, 503, 503]);
      expect(answers.get('4')?.body).toMatchObject({ error: { code: OUTCOME_UNKNOWN } });
    });

    it("gives up after the last attempt with the envelope's status", async () => {
      const { client } = scriptedGraph({}, {}, [429, 429]);
      const answers = await executeBatch(
        client,
        requests(1).map((r) => ({ ...r, idempotent: true })),
        {
          maxAttempts: 2,
          sleep: async () => {},
        },
      );
      expect(answers.get('1')?.status).toBe(429);
    });

    it('fails at once on an envelope error that is not throttling', async () => {
      const { client } = scriptedGraph({}, {}, [400]);
      await expect(executeBatch(client, requests(1))).rejects.toThrow(GraphRequestFailure);
    });
  });
});
