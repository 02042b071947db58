// What a contact person's name and address may be. A sign-up's contact becomes a recipient of
// mails and invitations, so the address must be exactly one mailbox: "a,b@velsen.nl" was
// accepted once, Graph refused the notice later and the sign-up stayed pending for good.

/**
 * One address as Graph and Exchange accept it for a recipient: a dot-atom local part (RFC 5322
 * §3.4.1, without quoted strings or comments) and a domain of DNS labels with a top-level domain
 * of letters. No list separators, spaces, angle brackets or display names.
 */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LEVEL = /^[A-Za-z]{2,63}$/;
// RFC 5321 §4.5.3.1: 64 characters for the local part, 254 for the whole path.
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;

export function isSingleEmailAddress(value: string): boolean {
  if (value.length > MAX_ADDRESS) return false;
  const at = value.lastIndexOf('@');
  if (at <= 0 || at !== value.indexOf('@')) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  return (
    local.length <= MAX_LOCAL &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL.test(labels.at(-1) ?? '')
  );
}

/**
 * Control and invisible formatting characters (tabs, line breaks, bidirectional overrides that
 * make a name read differently than it is written): never part of a person's name, and in a
 * mail header or a salutation they break or disguise the text.
 */
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_OR_FORMAT.test(value);
}

/** Words of an office, not a person: a salutation to it is the neutral one. */
const OFFICE_WORDS =
  /\b(kabinet|griffie|griffier|secretariaat|bestuurssecretariaat|burgemeester|gemeente|bureau|team|afdeling|bestuursondersteuning|postbus|info)\b/iu;
/** Dutch name particles (tussenvoegsels): part of the surname, capitalised at its start. */
const PARTICLES = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'in',
  "'s",
  'op',
  'la',
  'le',
  'du',
  'da',
  'von',
  'vander',
  'uit',
]);
const INITIALS = /^(?:\p{Lu}\.)+(?:\p{Lu})?\.?$/u;

/**
 * The person's name and function from what was stored: sign-ups registered before the function
 * had a field of its own typed both in the name ("J. de Boer, kabinet van de burgemeester").
 */
export function splitContactName(contact: { readonly name: string; readonly function?: string }): {
  readonly name: string;
  readonly function: string;
} {
  if (contact.function !== undefined && contact.function.trim() !== '') {
    return { name: contact.name.trim(), function: contact.function.trim() };
  }
  const comma = contact.name.indexOf(',');
  if (comma < 0) return { name: contact.name.trim(), function: '' };
  return {
    name: contact.name.slice(0, comma).trim(),
    function: contact.name.slice(comma + 1).trim(),
  };
}

/**
 * The surname as a salutation writes it: "J. de Boer" → "De Boer", "Anna van der Berg" → "Van der
 * Berg"; undefined when the name is an office ("Griffie Zaanstad") or says no surname.
 */
export function surnameOf(name: string): string | undefined {
  const words = name
    .trim()
    .split(/\s+/u)
    .filter((word) => word !== '');
  if (words.length === 0 || OFFICE_WORDS.test(name)) return undefined;
  const rest = words.filter((word) => !INITIALS.test(word));
  if (rest.length === 0) return undefined;
  // From the first particle after a first name or initials; else the last word.
  const hasInitials = rest.length < words.length;
  const start = rest.findIndex(
    (word, i) => PARTICLES.has(word.toLowerCase()) && (i > 0 || hasInitials),
  );
  const surname = start >= 0 ? rest.slice(start) : rest.slice(-1);
  if (!/\p{L}/u.test(surname.join(''))) return undefined;
  const text = surname.join(' ');
  return text.charAt(0).toLocaleUpperCase('nl-NL') + text.slice(1);
}

/**
 * The salutation of a letter to the contact (issue 18, item 12): "Geachte heer/mevrouw De Boer,"
 * for a person, "Geachte heer, mevrouw," for an office or a name without a surname — never the
 * function in the salutation ("Geachte J. de Boer, kabinet van de burgemeester,").
 */
export function salutationOf(contact: {
  readonly name: string;
  readonly function?: string;
}): string {
  const surname = surnameOf(splitContactName(contact).name);
  return surname ? `Geachte heer/mevrouw ${surname},` : 'Geachte heer, mevrouw,';
}
