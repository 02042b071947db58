// How much of a mail the slot extraction reads. Its own module, without imports, because the
// API schema (which the web bundle imports too) states it.

/**
 * How much of a mail body (text, or HTML before it is converted) is read: 64 KB. A sign-up is a
 * few hundred words; the rest of a longer mail is quoted history, signatures and markup. Reading
 * is linear in the length of the body, but the cap keeps even a mail full of dates quick
 * (issue 10, finding 4); the result then says that the mail was cut.
 */
export const MAX_BODY_CHARACTERS = 64 * 1024;
