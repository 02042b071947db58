// The salutation of the mails and the invitation (issue 18, item 12): the name and the function
// apart, "Geachte heer/mevrouw De Boer," for a person and a neutral form for an office — also for
// sign-ups stored before the function had a field of its own.
import { describe, expect, it } from '@jest/globals';
import { salutationOf, splitContactName, surnameOf } from '../../../src/domain/contact.js';
import { confirmationText, noticeMail } from '../../../src/app/texts.js';
import { proposed } from './lifecycle-fixtures.js';

describe('salutationOf', () => {
  it.each([
    [
      { name: 'J. de Boer', function: 'kabinet van de burgemeester' },
      'Geachte heer/mevrouw De Boer,',
    ],
    [{ name: 'J. de Boer, kabinet van de burgemeester' }, 'Geachte heer/mevrouw De Boer,'],
    [{ name: 'Anna van der Berg' }, 'Geachte heer/mevrouw Van der Berg,'],
    [{ name: 'P.J. Jansen' }, 'Geachte heer/mevrouw Jansen,'],
    [{ name: 'Jansen' }, 'Geachte heer/mevrouw Jansen,'],
    [{ name: 'Griffie Zaanstad' }, 'Geachte heer, mevrouw,'],
    [{ name: 'Bestuurssecretariaat' }, 'Geachte heer, mevrouw,'],
    [{ name: 'Kabinet van de burgemeester' }, 'Geachte heer, mevrouw,'],
    [{ name: 'J.' }, 'Geachte heer, mevrouw,'],
  ])('%j → %s', (contact, expected) => {
    expect(salutationOf(contact)).toBe(expected);
  });

  it('reads the function from an old stored name and keeps a separate one as it is', () => {
    expect(splitContactName({ name: 'J. de Boer, kabinet van de burgemeester' })).toEqual({
      name: 'J. de Boer',
      function: 'kabinet van de burgemeester',
    });
    expect(splitContactName({ name: 'J. de Boer', function: ' griffie ' })).toEqual({
      name: 'J. de Boer',
      function: 'griffie',
    });
    expect(surnameOf('')).toBeUndefined();
  });
});

describe('the mails use it', () => {
  it('greets the person, not the function, in the confirmation and the notice', () => {
    const signup = {
      ...proposed(),
      contact: { name: 'J. de Boer, kabinet van de burgemeester', email: 'kabinet@haarlem.nl' },
    };
    const text = confirmationText(signup, signup.pair!, signup.options[0]!.slot, signup.contact);
    expect(text.paragraphs[0]).toBe('Geachte heer/mevrouw De Boer,');
    expect(noticeMail(signup, 'geannuleerd', 'reden').bodyHtml).toContain(
      'Geachte heer/mevrouw De Boer,',
    );
  });
});
