// RFC 9457 problem details: the body of every error answer of the API, in the caller's language.
import * as z from 'zod/mini';
import { ERROR_CODES } from '../lists.js';
import { described, ZFieldMessage } from './common.js';

export const ZProblem = z
  .object({
    type: z.url(),
    title: z.string(),
    status: z.int().check(z.minimum(400), z.maximum(599)),
    detail: z.string(),
    instance: described(z.string(), 'Het pad van de aanvraag'),
    code: z.enum(ERROR_CODES),
    correlationId: z.string(),
    errors: z.optional(z.array(ZFieldMessage)),
  })
  .check(
    z.meta({
      id: 'Problem',
      description: 'Foutmelding volgens RFC 9457 (application/problem+json)',
    }),
  );

export type TProblem = z.infer<typeof ZProblem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
