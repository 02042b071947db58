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
