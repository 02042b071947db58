// Request validation with zod, with messages in the user's language. Fastify's validator gets
// no request (so no Accept-Language), so every issue is rendered in both Dutch and English with
// zod's own locales (z.locales.nl / z.locales.en) — never a process-wide z.config — and the
// error handler picks one. Messages a schema sets itself win over the locale's.
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldIssue, type LocalizedText } from '../../app/errors.js';
import { plainFieldMessage, type ContractIssue } from '../../contract/field-messages.js';

const LOCALES = { nl: z.locales.nl(), en: z.locales.en() } as const;
// Returned by the parse-time error map, which zod consults only when the schema has no message
// of its own: an issue carrying it still needs the locale's text.
const USE_LOCALE = '\u0000use-locale';

const PART_PREFIX: Readonly<Record<string, string>> = {
  body: '',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

// A finalized issue with `input` (parsed with reportInput): the shape zod's locale maps read.
type IssueWithInput = z.core.$ZodIssue & { readonly input?: unknown };

function renderLocale(issue: IssueWithInput, language: keyof typeof LOCALES): string {
  // The locale maps take zod's "raw issue" type; a finalized issue has every field they read.
  const rendered = LOCALES[language].localeError(issue as unknown as z.core.$ZodRawIssue);
  const text = typeof rendered === 'string' ? rendered : rendered?.message;
  return text ?? (language === 'nl' ? 'Ongeldige invoer' : 'Invalid input');
}

function localize(issue: IssueWithInput): LocalizedText {
  if (issue.message !== USE_LOCALE) return { nl: issue.message, en: issue.message };
  // The contract's plain words, the same the forms show (issue 17, item 3); zod's locales speak
  // of types ("verwacht dat string <=200 tekens heeft") and stay the fallback for what only a
  // program can send wrong.
  return (
    plainFieldMessage(issue as ContractIssue) ?? {
      nl: renderLocale(issue, 'nl'),
      en: renderLocale(issue, 'en'),
    }
  );
}

/** Zod issues as field issues: dotted path (`preferences.1.end`), zod code, both languages. */
export function toZodFieldIssues(
  issues: readonly z.core.$ZodIssue[],
  httpPart = 'body',
): FieldIssue[] {
  const prefix = PART_PREFIX[httpPart] ?? httpPart;
  return issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    code: issue.code,
    message: localize(issue),
  }));
}

/**
 * Fastify's validator compiler for zod schemas. The input values zod reports (reportInput, for
 * messages such as "received number") are used for the message only and then dropped: they may
 * hold personal data and must not reach logs.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data: unknown) => {
    const result = schema.safeParse(data, { reportInput: true, error: () => USE_LOCALE });
    if (result.success) return { value: result.data };
    return {
      error: new AppError('VALIDATION_FAILED', {
        fieldIssues: toZodFieldIssues(result.error.issues, httpPart),
        logMessage: `request ${httpPart ?? 'input'} failed validation`,
      }),
    };
  };
