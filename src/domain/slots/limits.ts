// How much of a mail the slot extraction reads: the API contract states it (its schema
// describes it), so it lives there and the domain reads it from there.

/**
 * How much of a mail body (text, or HTML before it is converted) is read: 64 KB. A sign-up is a
 * few hundred words; the rest of a longer mail is quoted history, signatures and markup. Reading
 * is linear in the length of the body, but the cap keeps even a mail full of dates quick
 * (issue 10, finding 4); the result then says that the mail was cut.
 */
export { MAX_BODY_CHARACTERS } from '../../contract/lists.js';
