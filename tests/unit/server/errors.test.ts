import { describe, expect, it } from '@jest/globals';
import { AppError, ERROR_CODES, ERROR_TEXTS, domainRuleViolated } from '../../../src/app/errors.js';
import { createIssue } from '../../../src/domain/errors.js';
import { toAppError } from '../../../src/server/errors/error-handler.js';
import { HTTP_STATUS } from '../../../src/server/errors/http-status.js';
import { ZProblem, toProblem } from '../../../src/server/errors/problem.js';

describe('error codes', () => {
  it('every code has a 4xx or 5xx status and Dutch and English texts', () => {
    for (const code of ERROR_CODES) {
      expect(HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(HTTP_STATUS[code]).toBeLessThan(600);
      for (const language of ['nl', 'en'] as const) {
        expect(ERROR_TEXTS[code].title[language]).not.toBe('');
        expect(ERROR_TEXTS[code].detail[language]).not.toBe('');
      }
    }
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });
});

describe('toProblem', () => {
  const context = { instance: '/api/signups', correlationId: 'abc-12345678' };

  it('builds an RFC 9457 body in the requested language', () => {
    const error = new AppError('UNAUTHENTICATED', { logMessage: 'token refused: ERR_JWT_EXPIRED' });
    const dutch = toProblem(error, { ...context, language: 'nl' });
    expect(dutch).toEqual({
      type: 'https://workshopplanner.nl/problems/unauthenticated',
      title: 'Niet aangemeld',
      status: 401,
      detail: 'Uw aanmelding is verlopen of ongeldig. Meld u opnieuw aan.',
      instance: '/api/signups',
      code: 'UNAUTHENTICATED',
      correlationId: 'abc-12345678',
    });
    expect(ZProblem.safeParse(dutch).success).toBe(true);
    expect(toProblem(error, { ...context, language: 'en' }).title).toBe('Not signed in');
    expect(JSON.stringify(dutch)).not.toContain('ERR_JWT_EXPIRED');
  });

  it('lists field errors of domain refusals with the domain’s messages', () => {
    const error = domainRuleViolated([
      createIssue('SLOT_END_BEFORE_START', 'preferences.1.end', { index: 1 }),
    ]);
    const problem = toProblem(error, { ...context, language: 'nl' });
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([
      { field: 'preferences.1.end', code: 'SLOT_END_BEFORE_START', message: expect.any(String) },
    ]);
    expect(problem.errors?.[0]?.message).not.toBe(
      toProblem(error, { ...context, language: 'en' }).errors?.[0]?.message,
    );
  });
});

describe('toAppError', () => {
  function fastifyError(code: string, statusCode: number, message = 'x'): Error {
    return Object.assign(new Error(message), { code, statusCode });
  }

  it('maps Fastify’s client errors to stable codes', () => {
    expect(toAppError(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 413)).code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
    expect(toAppError(fastifyError('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415)).code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(
      toAppError(Object.assign(new SyntaxError('Unexpected end'), { statusCode: 400 })).code,
    ).toBe('MALFORMED_REQUEST');
    expect(toAppError(fastifyError('FST_ERR_SOMETHING_NEW', 418)).code).toBe('MALFORMED_REQUEST');
  });

  it('turns anything else into INTERNAL, keeping it only as the cause', () => {
    const crash = new TypeError('cannot read properties of undefined');
    const error = toAppError(crash);
    expect(error.code).toBe('INTERNAL');
    expect(error.cause).toBe(crash);
    expect(error.detail.nl).not.toContain('undefined');
    expect(toAppError(fastifyError('FST_ERR_X', 502)).code).toBe('INTERNAL');
  });

  it('leaves an AppError as it is', () => {
    const error = new AppError('CONFLICT');
    expect(toAppError(error)).toBe(error);
  });
});
