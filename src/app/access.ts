// Who may do what, as the use cases see it. The server's auth layer turns a validated token's
// app roles into an Access (src/server/auth); the use cases only ever receive an Access and never
// read roles or tokens themselves (STYLE.md: "checked in one place").
import type { Brand } from '../domain/ids.js';
import type { RiecName } from '../domain/municipalities.js';

/** A RIEC the caller is authorised for; only the auth layer mints it (mintAccess). */
export type AuthorizedRiec = Brand<RiecName, 'AuthorizedRiec'>;

export type Role = 'accountHolder' | 'trainer' | 'coordinator' | 'admin';

export interface Access {
  /**
   * Who the caller is: the tenant (`tid`) and object id (`oid`) of the token, together. Rights
   * that name a person (a trainer's workshops) are matched on this pair, never on an e-mail claim:
   * another tenant can issue a token with any `preferred_username` or `email`.
   */
  readonly tenantId: string;
  /** Object id of the user in Entra ID (or the sandbox), in `tenantId`. */
  readonly userId: string;
  /**
   * UPN / e-mail address as the token says: the organizer mailbox of an account holder (whose
   * rights come from the home tenant's app roles) and the name in the log. Not an identity.
   */
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** RIECs whose municipalities the caller plans (account holders). */
  readonly riecs: readonly AuthorizedRiec[];
  /** Reads all RIECs (coordinator). */
  readonly canReadAll: boolean;
}

/**
 * Only src/server/auth calls this, after validating the token: the brand makes an Access
 * impossible to build by accident elsewhere.
 */
export function mintAccess(input: {
  tenantId: string;
  userId: string;
  email: string;
  name: string;
  roles: readonly Role[];
  riecs: readonly RiecName[];
}): Access {
  return {
    tenantId: input.tenantId.toLowerCase(),
    userId: input.userId.toLowerCase(),
    email: input.email.toLowerCase(),
    name: input.name,
    roles: [...input.roles],
    riecs: input.riecs.map((riec) => riec as AuthorizedRiec),
    canReadAll: input.roles.includes('coordinator'),
  };
}

/** The access of background jobs (answer sync, expiry): every RIEC, acting as "systeem". */
export const SYSTEM_ACCESS: Access = {
  tenantId: 'systeem',
  userId: 'systeem',
  email: 'systeem',
  name: 'systeem',
  roles: ['admin'],
  riecs: [],
  canReadAll: true,
};

export function canPlanFor(access: Access, riec: RiecName): boolean {
  return access.riecs.includes(riec as AuthorizedRiec);
}

export function canRead(access: Access, riec: RiecName): boolean {
  return access.canReadAll || canPlanFor(access, riec);
}
