// The forms check a request with the contract's own zod schema before they send it (issue 17,
// item 3): the same types and sizes the server checks, the same plain Dutch or English words
// (src/contract/field-messages.ts), at the field the issue's path names. No rule is written
// twice: what the schema does not check (a known municipality, a valid address, the window) is
// the API's, which answers per field.
import * as z from 'zod/mini';
import {
  INVALID_MESSAGE,
  issuePath,
  plainFieldMessage,
  type ContractIssue,
} from '../../../contract/field-messages.js';
import type { Language } from '../../../contract/lists.js';
import type { TFieldMessage } from '../api/api-types.js';

/** The issues of a request against its schema, as field messages; none when it would be accepted. */
export function validateRequest(
  schema: z.ZodMiniType,
  request: unknown,
  language: Language,
): TFieldMessage[] {
  const result = z.safeParse(schema, request, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const words = plainFieldMessage(issue as ContractIssue) ?? INVALID_MESSAGE;
    return { field: issuePath(issue), code: issue.code, message: words[language] };
  });
}
