import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { AppError } from '../../../src/app/errors.js';
import { zodValidatorCompiler } from '../../../src/server/http/zod-validation.js';

const ZBody = z.object({
  contactName: z.string().min(2),
  email: z.email(),
  count: z.number().int().max(3),
  preferences: z.array(z.object({ end: z.iso.datetime() })).min(1),
  remark: z.string().refine((value) => !value.includes('<'), 'Geen HTML in de opmerking.'),
});

function validate(data: unknown, httpPart = 'body') {
  const validator = zodValidatorCompiler({ schema: ZBody, method: 'POST', url: '/x', httpPart });
  return validator(data) as { value?: unknown; error?: unknown };
}

function issues(data: unknown, httpPart?: string) {
  const { error } = validate(data, httpPart);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).fieldIssues;
}

const valid = {
  contactName: 'Griffie',
  email: 'griffie@haarlem.nl',
  count: 3,
  preferences: [{ end: '2026-06-02T20:30:00Z' }],
  remark: 'Graag in de raadzaal',
};

describe('zodValidatorCompiler', () => {
  it('passes valid data through as parsed', () => {
    expect(validate(valid)).toEqual({ value: valid });
  });

  it('says in plain Dutch and English what is wrong and what to do, by dotted field path', () => {
    const found = issues({
      ...valid,
      contactName: 'G',
      email: 'geen-adres',
      count: 7,
      preferences: [{ end: 'morgen' }],
    });
    expect(found).toEqual([
      {
        field: 'contactName',
        code: 'too_small',
        message: {
          nl: 'Deze tekst is te kort. Gebruik minstens 2 tekens.',
          en: 'This text is too short. Use at least 2 characters.',
        },
      },
      {
        field: 'email',
        code: 'invalid_format',
        message: {
          nl: 'Dit is geen e-mailadres. Vul een e-mailadres in, bijvoorbeeld kabinet@gemeente.nl.',
          en: 'This is not an e-mail address. Enter an address, e.g. office@municipality.nl.',
        },
      },
      {
        field: 'count',
        code: 'too_big',
        message: {
          nl: 'Dit getal is te groot. Vul hoogstens 3 in.',
          en: 'This number is too large. Enter at most 3.',
        },
      },
      {
        field: 'preferences.0.end',
        code: 'invalid_format',
        message: {
          nl: 'Dit is geen datum en tijd. Vul een datum en een tijd in.',
          en: 'This is not a date and time. Enter a date and a time.',
        },
      },
    ]);
  });

  it('says a missing field is required, and names what a wrong type received', () => {
    const { contactName: _missing, ...rest } = valid;
    const found = issues({ ...rest, count: 'drie' });
    expect(found.find((issue) => issue.field === 'contactName')?.message).toEqual({
      nl: 'Dit veld is verplicht.',
      en: 'This field is required.',
    });
    expect(found.find((issue) => issue.field === 'count')?.message.nl).toBe(
      'Ongeldige invoer: verwacht getal, ontving string',
    );
  });

  it('says a text that is too long in plain words, not zod’s (issue 18)', () => {
    const schema = z.object({ remarks: z.string().max(200) });
    const validator = zodValidatorCompiler({ schema, method: 'POST', url: '/x', httpPart: 'body' });
    const { error } = validator({ remarks: 'x'.repeat(201) }) as { error?: AppError };
    expect(error?.fieldIssues[0]?.message).toEqual({
      nl: 'Deze tekst is te lang. Gebruik hoogstens 200 tekens.',
      en: 'This text is too long. Use at most 200 characters.',
    });
  });

  it('keeps a message the schema sets itself', () => {
    const found = issues({ ...valid, remark: '<b>hoi</b>' });
    expect(found).toEqual([
      {
        field: 'remark',
        code: 'custom',
        message: { nl: 'Geen HTML in de opmerking.', en: 'Geen HTML in de opmerking.' },
      },
    ]);
  });

  it('prefixes fields outside the body with where they came from', () => {
    expect(issues({ ...valid, count: 9 }, 'querystring')[0]?.field).toBe('query.count');
    expect(issues({ ...valid, count: 9 }, 'params')[0]?.field).toBe('path.count');
  });

  it('keeps no input values in the error (they may hold personal data)', () => {
    const { error } = validate({ ...valid, email: 'jan.jansen@gemeente.nl.', count: 12345 });
    expect(JSON.stringify((error as AppError).fieldIssues)).not.toMatch(/jan\.jansen|12345/);
  });
});
