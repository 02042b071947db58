// Branded identifiers: values that must not be mixed up even though all are strings.
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** CBS municipality code, e.g. `GM0392` (Haarlem). */
export type CbsCode = Brand<string, 'CbsCode'>;
/** Id of a sign-up (the SharePoint list item id in Workshopaanmeldingen). */
export type SignupId = Brand<string, 'SignupId'>;
/** Id of a calendar event in the organizer's mailbox. */
export type EventId = Brand<string, 'EventId'>;

const CBS_CODE = /^GM\d{4}$/;

export function isCbsCode(value: string): value is CbsCode {
  return CBS_CODE.test(value);
}

/**
 * The one normalisation of a CBS code typed or sent by a user: surrounding white space dropped,
 * upper case. Every decision (which municipality, which RIEC, which sign-up) is taken on this
 * value only, never on the raw input: "GM0361 " is GM0361 everywhere or nowhere.
 */
export function normaliseCbsCode(raw: string): CbsCode | undefined {
  const value = raw.trim().toUpperCase();
  return isCbsCode(value) ? value : undefined;
}

export function toSignupId(value: string): SignupId {
  return value as SignupId;
}

export function toEventId(value: string): EventId {
  return value as EventId;
}
