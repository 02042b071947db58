// The $batch executor against a scripted Graph: chunks of 20, only throttled parts resubmitted
// after the longest Retry-After, serial chains resumed from the first throttled part.
import { describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import { executeBatch, type BatchRequest } from '../../../src/graph/client/batch.js';

interface SentPart {
  id: string;
  dependsOn?: string[];
}

/** A fake Graph that answers each part with the next status scripted for its id (default 200). */
function scriptedGraph(script: Record<string, number[]>, retryAfter: Record<string, string> = {}) {
  const batches: SentPart[][] = [];
  const client = {
    api: (path: string) => ({
      post: async (body: { requests: SentPart[] }) => {
        expect(path).toBe('/$batch');
        batches.push(body.requests);
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
});
