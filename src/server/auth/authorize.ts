// Authorisation in one place: app roles of a validated token → an Access (minted only here), and
// which permissions each role has. Routes declare the permission they need; use cases receive
// the Access and check the RIEC of what they touch (canPlanFor / canRead in src/app/access.ts).
import { canPlanFor, canRead, mintAccess, type Access, type Role } from '../../app/access.js';
import { AppError } from '../../app/errors.js';
import type { RiecName } from '../../domain/municipalities.js';
import type { VerifiedToken } from './token-validator.js';

export const PERMISSIONS = [
  /** Who am I and what may I do (every role). */
  'me:read',
  /** The open campaign: deadline, window, rules (every role). */
  'campaign:read',
  /** Create and edit the editions of the campaign (coordinator). */
  'campaign:write',
  /** Sign-ups of the caller's RIEC(s); every RIEC for the coordinator. */
  'signups:read',
  'signups:write',
  'signups:propose',
  'signups:confirm',
  'signups:cancel',
  'signups:sync',
  /** The caller's own holds and workshops (trainers). */
  'workshops:read-own',
  /** The trainer's own availability ("Mijn beschikbaarheid"): read and state it (trainers). */
  'availability:write-own',
  /** The province view: dashboard and planner previews across all RIECs. */
  'province:read',
  /** Provisioning of the SharePoint lists. */
  'admin:provision',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE: readonly Permission[] = ['me:read', 'campaign:read'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // Scoped to their RIEC(s): the use cases check the sign-up's RIEC against access.riecs.
  accountHolder: [
    ...EVERYONE,
    'signups:read',
    'signups:write',
    'signups:propose',
    'signups:confirm',
    'signups:cancel',
    'signups:sync',
  ],
  trainer: [...EVERYONE, 'workshops:read-own', 'availability:write-own'],
  coordinator: [...EVERYONE, 'campaign:write', 'signups:read', 'province:read'],
  admin: [...EVERYONE, 'admin:provision'],
};

interface RoleGrant {
  readonly role: Role;
  readonly riec?: RiecName;
}

/** The app roles of the Workshopplanner registration (sandbox seed and Entra alike). */
export const APP_ROLES: Readonly<Record<string, RoleGrant>> = {
  'Workshop.AccountHolder.NoordHolland': { role: 'accountHolder', riec: 'RIEC Noord-Holland' },
  'Workshop.AccountHolder.AmsterdamAmstelland': {
    role: 'accountHolder',
    riec: 'RIEC Amsterdam-Amstelland',
  },
  'Workshop.AccountHolder.MiddenNederland': {
    role: 'accountHolder',
    riec: 'RIEC Midden-Nederland',
  },
  'Workshop.Trainer': { role: 'trainer' },
  'Workshop.Coordinator': { role: 'coordinator' },
  'Workshop.Admin': { role: 'admin' },
};

// In a multi-tenant registration every tenant's own administrator assigns the app roles for its
// users. A partner tenant (Berenschot) may therefore vouch for its trainers, but planning and
// administration roles count only when the product's own tenant granted them.
const PARTNER_GRANTABLE: ReadonlySet<Role> = new Set<Role>(['trainer']);

export interface RoleMapping {
  readonly roles: readonly Role[];
  readonly riecs: readonly RiecName[];
  /** Role claims that gave nothing (unknown, or not grantable by the token's tenant). */
  readonly ignored: readonly string[];
}

export function mapAppRoles(claims: readonly string[], isHomeTenant: boolean): RoleMapping {
  const roles = new Set<Role>();
  const riecs = new Set<RiecName>();
  const ignored: string[] = [];
  for (const claim of claims) {
    const grant = APP_ROLES[claim];
    if (!grant || (!isHomeTenant && !PARTNER_GRANTABLE.has(grant.role))) {
      ignored.push(claim);
      continue;
    }
    roles.add(grant.role);
    if (grant.riec) riecs.add(grant.riec);
  }
  return { roles: [...roles], riecs: [...riecs], ignored };
}

/** The caller's Access; throws NO_ROLE (403) when the token gives no role in Workshopplanner. */
export function authorize(token: VerifiedToken, homeTenantId: string): Access {
  const isHomeTenant = token.tenantId.toLowerCase() === homeTenantId.toLowerCase();
  const { roles, riecs } = mapAppRoles(token.roles, isHomeTenant);
  if (roles.length === 0) {
    throw new AppError('NO_ROLE', { logMessage: 'token has no Workshopplanner role' });
  }
  return mintAccess({
    tenantId: token.tenantId,
    userId: token.objectId,
    email: token.username,
    name: token.name,
    roles,
    riecs,
  });
}

export function permissionsOf(access: Access): Permission[] {
  const granted = new Set(access.roles.flatMap((role) => ROLE_PERMISSIONS[role]));
  return PERMISSIONS.filter((permission) => granted.has(permission));
}

/** One permission, or a list of which any one suffices (e.g. reading all or only one's own). */
export type RequiredPermission = Permission | readonly Permission[];

export function hasPermission(access: Access, permission: RequiredPermission): boolean {
  const anyOf: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  return access.roles.some((role) => anyOf.some((p) => ROLE_PERMISSIONS[role].includes(p)));
}

export function assertPermission(access: Access, permission: RequiredPermission): void {
  if (!hasPermission(access, permission)) {
    const names = typeof permission === 'string' ? permission : permission.join(' | ');
    throw new AppError('FORBIDDEN', { logMessage: `permission ${names} missing` });
  }
}

/** For routes that name a RIEC (or a municipality of one): may the caller plan for it? */
export function assertCanPlanFor(access: Access, riec: RiecName): void {
  if (!canPlanFor(access, riec)) {
    throw new AppError('FORBIDDEN', { logMessage: 'RIEC outside the caller’s scope (plan)' });
  }
}

export function assertCanRead(access: Access, riec: RiecName): void {
  if (!canRead(access, riec)) {
    throw new AppError('FORBIDDEN', { logMessage: 'RIEC outside the caller’s scope (read)' });
  }
}
