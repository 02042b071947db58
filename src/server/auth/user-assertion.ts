// The caller's access token, kept for the on-behalf-of exchange (PLATFORM.md §6: msal-node
// acquireTokenOnBehalfOf needs the incoming token as `oboAssertion`). Wrapped so that logging,
// JSON serialisation or string interpolation never shows it; only the Graph token provider in
// the composition calls reveal().
import { inspect } from 'node:util';

const REDACTED = '[redacted]';

export class UserAssertion {
  readonly #token: string;

  constructor(token: string) {
    this.#token = token;
  }

  /** The raw JWT, for the on-behalf-of token request only. */
  reveal(): string {
    return this.#token;
  }

  toJSON(): string {
    return REDACTED;
  }

  toString(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `UserAssertion ${REDACTED}`;
  }
}
