// Request validation with zod, with messages in the user's language. Fastify's validator gets
// no request (so no Accept-Language), so every issue is rendered in both Dutch and English with
// zod's own locales (z.locales.nl / z.locales.en) — never a process-wide z.config — and the
// error handler picks one. Messages a schema sets itself win over the locale's.
import type { FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { AppError, type FieldIssue, type LocalizedText } from '../../app/errors.js';

const LOCALES = { nl: z.locales.nl(), en: z.locales.en() } as const;
// Returned by the parse-time error map, which zod consults only when the schema has no message
// of its own: an issue carrying it still needs the locale's text.
const USE_LOCALE = '\u0000use-locale';

const REQUIRED: LocalizedText = { nl: 'Dit veld is verplicht.', en: 'This field is required.' };

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

/**
 * The issues a form can cause, in words a civil servant uses: what is wrong and what to do
 * (issue 18). zod's locales speak of types ("verwacht dat string <=200 tekens heeft"); they stay
 * the fallback for what only a program can send wrong.
 */
function plainWords(issue: IssueWithInput): LocalizedText | undefined {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string')
        return {
          nl: `Deze tekst is te lang. Gebruik hoogstens ${issue.maximum} tekens.`,
          en: `This text is too long. Use at most ${issue.maximum} characters.`,
        };
      if (issue.origin === 'array')
        return {
          nl: `Dit zijn er te veel. Geef er hoogstens ${issue.maximum}.`,
          en: `There are too many. Give at most ${issue.maximum}.`,
        };
      if (issue.origin === 'number')
        return {
          nl: `Dit getal is te groot. Vul hoogstens ${issue.maximum} in.`,
          en: `This number is too large. Enter at most ${issue.maximum}.`,
        };
      return undefined;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return REQUIRED;
      if (issue.origin === 'string')
        return {
          nl: `Deze tekst is te kort. Gebruik minstens ${issue.minimum} tekens.`,
          en: `This text is too short. Use at least ${issue.minimum} characters.`,
        };
      if (issue.origin === 'array')
        return {
          nl: `Dit zijn er te weinig. Geef er minstens ${issue.minimum}.`,
          en: `There are too few. Give at least ${issue.minimum}.`,
        };
      if (issue.origin === 'number')
        return {
          nl: `Dit getal is te klein. Vul minstens ${issue.minimum} in.`,
          en: `This number is too small. Enter at least ${issue.minimum}.`,
        };
      return undefined;
    case 'invalid_format':
      if (issue.format === 'email')
        return {
          nl: 'Dit is geen e-mailadres. Vul een e-mailadres in, bijvoorbeeld kabinet@gemeente.nl.',
          en: 'This is not an e-mail address. Enter an address, e.g. office@municipality.nl.',
        };
      if (issue.format === 'regex')
        return {
          nl: 'Dit is niet goed ingevuld. Controleer wat u hebt ingevuld of kies het uit de lijst.',
          en: 'This is not filled in correctly. Check what you entered or choose it from the list.',
        };
      if (issue.format === 'datetime' || issue.format === 'date')
        return {
          nl: 'Dit is geen datum en tijd. Vul een datum en een tijd in.',
          en: 'This is not a date and time. Enter a date and a time.',
        };
      return undefined;
    default:
      return undefined;
  }
}

function localize(issue: IssueWithInput): LocalizedText {
  if (issue.message !== USE_LOCALE) return { nl: issue.message, en: issue.message };
  if (issue.code === 'invalid_type' && issue.input === undefined) return REQUIRED;
  return plainWords(issue) ?? { nl: renderLocale(issue, 'nl'), en: renderLocale(issue, 'en') };
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
