// The caller's access token, kept for the on-behalf-of exchange (PLATFORM.md §6: msal-node
// acquireTokenOnBehalfOf needs the incoming token as `oboAssertion`). Wrapped so that logging,
// JSON serialisation or string interpolation never shows it; only the Graph token provider in
// the composition calls reveal().
import { inspect } from 'node:util';

const REDACTED = '[redacted]';

export class UserAssertion {
  readonly #token: string;
  readonly #tenantId: string | undefined;

  /** `tenantId`: the validated token's tenant (lower case), which decides how Graph is reached. */
  constructor(token: string, tenantId?: string) {
    this.#token = token;
    this.#tenantId = tenantId?.toLowerCase();
  }

  /** The tenant that issued the token; undefined when the caller did not say. */
  get tenantId(): string | undefined {
    return this.#tenantId;
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
