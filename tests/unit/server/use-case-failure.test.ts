import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../../src/app/errors.js';
import { failWith, succeed } from '../../../src/app/outcome.js';
import { createIssue } from '../../../src/domain/errors.js';
import { HTTP_STATUS } from '../../../src/server/errors/http-status.js';
import { failureToAppError, unwrapOutcome } from '../../../src/server/errors/use-case-failure.js';

function statusOf(error: AppError): number {
  return HTTP_STATUS[error.code];
}

describe('failureToAppError', () => {
  it('maps each kind of use-case failure to a status a client can act on', () => {
    expect(statusOf(failureToAppError({ kind: 'notFound', what: 'signup' }))).toBe(404);
    expect(statusOf(failureToAppError({ kind: 'forbidden', reason: 'otherRiec' }))).toBe(403);
    expect(statusOf(failureToAppError({ kind: 'conflict', reason: 'concurrentChange' }))).toBe(409);
    const invalid = failureToAppError({
      kind: 'invalid',
      issues: [createIssue('SLOT_END_BEFORE_START', 'preferences.2.end', { index: 2 })],
      warnings: [],
    });
    expect(statusOf(invalid)).toBe(422);
    expect(invalid.fieldIssues[0]).toMatchObject({
      field: 'preferences.2.end',
      code: 'SLOT_END_BEFORE_START',
    });
  });

  it('says which RIEC problem it is, in Dutch and English', () => {
    const error = failureToAppError({ kind: 'forbidden', reason: 'otherRiec' });
    expect(error.detail.nl).toContain('ander RIEC');
    expect(error.detail.en).toContain('another RIEC');
  });

  it('puts a municipality of another RIEC at the field that named it, saying what to do', () => {
    const error = failureToAppError({ kind: 'forbidden', reason: 'otherRiec', field: 'cbsCode' });
    expect(error.fieldIssues).toEqual([
      { field: 'cbsCode', code: 'MUNICIPALITY_OTHER_RIEC', message: error.detail },
    ]);
    expect(error.detail.nl).toContain('Kies een gemeente van uw eigen RIEC');
    expect(error.detail.en).toContain('Choose a municipality of your own RIEC');
    expect(failureToAppError({ kind: 'forbidden', reason: 'role' }).fieldIssues).toEqual([]);
  });

  it('gives a refused transition the lifecycle’s own message', () => {
    const issue = createIssue('CANCEL_REASON_REQUIRED', 'reason', {});
    const error = failureToAppError({ kind: 'rejected', issue });
    expect(error.code).toBe('CONFLICT');
    expect(error.detail.nl).toBe(issue.message);
    expect(error.detail.en).not.toBe(issue.message);
  });

  it('treats throttled or unavailable Graph as 503 with Retry-After, a refusal as 403, other Graph errors as 500', () => {
    const throttled = failureToAppError({
      kind: 'graphFailed',
      status: 429,
      code: 'TooManyRequests',
      isPending: false,
    });
    expect(throttled.code).toBe('GRAPH_UNAVAILABLE');
    expect(throttled.retryAfterSeconds).toBeGreaterThan(0);
    const pending = failureToAppError({
      kind: 'graphFailed',
      status: 503,
      code: 'x',
      isPending: true,
    });
    expect(pending.detail.nl).toContain('wordt afgemaakt');
    const denied = failureToAppError({
      kind: 'graphFailed',
      status: 403,
      code: 'ErrorAccessDenied',
      requestId: 'req-1',
      isPending: false,
    });
    expect(denied.code).toBe('FORBIDDEN');
    expect(denied.detail.nl).toContain('accounthouder in wiens agenda');
    expect(denied.logMessage).toContain('403 ErrorAccessDenied request-id req-1');
    const broken = failureToAppError({
      kind: 'graphFailed',
      status: 400,
      code: 'BadRequest',
      isPending: false,
    });
    expect(broken.code).toBe('INTERNAL');
  });
});

describe('unwrapOutcome', () => {
  it('returns the value or throws the AppError', () => {
    expect(unwrapOutcome(succeed(42))).toBe(42);
    expect(() => unwrapOutcome(failWith({ kind: 'notFound', what: 'municipality' }))).toThrow(
      AppError,
    );
  });
});
