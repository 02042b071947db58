// The words for what a form can get wrong against the contract's schemas (issue 18: what is wrong
// and what to do, in words a civil servant uses). One mapper for both sides: the server renders
// the issues of a request with it (src/server/http/zod-validation.ts) and the forms render the
// issues of the same schemas with it before they send (src/web/common/forms/validate-request.ts).
// Pure: zod's issue types only, no locale tables (those stay the server's fallback).
import type * as z from 'zod/mini';
import type { Language } from './lists.js';

export type FieldMessageText = Readonly<Record<Language, string>>;

export const REQUIRED_MESSAGE: FieldMessageText = {
  nl: 'Dit veld is verplicht.',
  en: 'This field is required.',
};

/** For what only a program can send wrong, when no plain words fit. */
export const INVALID_MESSAGE: FieldMessageText = {
  nl: 'Dit is niet goed ingevuld. Controleer wat u hebt ingevuld.',
  en: 'This is not filled in correctly. Check what you entered.',
};

/** An issue as zod finalises it, with the input when parsed with reportInput. */
export type ContractIssue = z.core.$ZodIssue & { readonly input?: unknown };

/** The plain words for an issue, or undefined when none fit (the caller has a fallback). */
export function plainFieldMessage(issue: ContractIssue): FieldMessageText | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return REQUIRED_MESSAGE;
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
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return REQUIRED_MESSAGE;
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

/** The dotted path of an issue, as field messages name fields: preferences.1.end. */
export function issuePath(issue: ContractIssue): string {
  return issue.path.map(String).join('.');
}
