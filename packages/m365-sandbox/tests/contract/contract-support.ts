// Shared assertions of the sandbox contract tests.
import { expect } from '@jest/globals';
import { checkAgainstType } from './graph-metadata.js';

/** The JSON keeps to the Graph metadata of `typeName` (violations listed on failure). */
export function expectContract(typeName: string, json: unknown): void {
  expect(json).toBeDefined();
  expect(checkAgainstType(typeName, json)).toEqual([]);
}

/** Every element of a collection response keeps to `typeName`, and there is at least one. */
export function expectCollectionContract(typeName: string, body: { value?: unknown }): void {
  expect(Array.isArray(body.value)).toBe(true);
  expect((body.value as unknown[]).length).toBeGreaterThan(0);
  expect(checkAgainstType(`Collection(${typeName})`, body.value)).toEqual([]);
}

/**
 * Graph's error JSON has no entity type in the metadata (resources/errors.md describes it):
 * {"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}}.
 * The shape is checked by hand; its `error` object must also fit the publicError complex type.
 */
export function expectGraphErrorShape(body: unknown, code?: string): void {
  expect(body).toEqual({
    error: {
      code: expect.stringMatching(/^\w+$/),
      message: expect.any(String),
      innerError: expect.objectContaining({
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        'request-id': expect.stringMatching(/^[0-9a-f-]{36}$/),
      }),
    },
  });
  const error = (body as { error: { code: string; message: string } }).error;
  expect(error.message.length).toBeGreaterThan(0);
  if (code !== undefined) expect(error.code).toBe(code);
  expect(checkAgainstType('publicError', error)).toEqual([]);
}
