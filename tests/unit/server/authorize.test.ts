import { describe, expect, it } from '@jest/globals';
import { AppError } from '../../../src/app/errors.js';
import {
  assertCanPlanFor,
  assertCanRead,
  assertPermission,
  authorize,
  hasPermission,
  mapAppRoles,
  permissionsOf,
} from '../../../src/server/auth/authorize.js';
import type { VerifiedToken } from '../../../src/server/auth/token-validator.js';

const HOME = '5f0c8a2e-3d41-4b6f-9a27-1c8e4d2b7a90';
const PARTNER = '9b3e71d4-6a25-4c8f-b0e2-7d54a1c93f68';

function token(roles: string[], tenantId = HOME): VerifiedToken {
  return {
    tenantId,
    objectId: '0a6f2b9e-5c31-4e87-9d42-7b1e3c8a6f05',
    username: 'Sanne.DeVries@riec.nl',
    name: 'Sanne de Vries',
    roles,
    scopes: ['access_as_user'],
  };
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

describe('authorize', () => {
  it('maps an account holder role to the role and its RIEC', () => {
    const access = authorize(token(['Workshop.AccountHolder.NoordHolland']), HOME);
    expect(access).toMatchObject({
      userId: '0a6f2b9e-5c31-4e87-9d42-7b1e3c8a6f05',
      email: 'sanne.devries@riec.nl',
      roles: ['accountHolder'],
      riecs: ['RIEC Noord-Holland'],
      canReadAll: false,
    });
  });

  it('collects several RIECs and roles, ignores unknown ones', () => {
    const access = authorize(
      token([
        'Workshop.AccountHolder.NoordHolland',
        'Workshop.AccountHolder.MiddenNederland',
        'Workshop.Coordinator',
        'Directory.Read.All',
      ]),
      HOME,
    );
    expect(access.roles).toEqual(['accountHolder', 'coordinator']);
    expect(access.riecs).toEqual(['RIEC Noord-Holland', 'RIEC Midden-Nederland']);
    expect(access.canReadAll).toBe(true);
  });

  it('refuses a caller without a role with NO_ROLE', () => {
    expect(codeOf(() => authorize(token([]), HOME))).toBe('NO_ROLE');
    expect(codeOf(() => authorize(token(['Workshop.Unknown']), HOME))).toBe('NO_ROLE');
  });

  it('lets a partner tenant grant only the trainer role', () => {
    expect(mapAppRoles(['Workshop.Trainer', 'Workshop.Admin'], false)).toEqual({
      roles: ['trainer'],
      riecs: [],
      ignored: ['Workshop.Admin'],
    });
    expect(
      codeOf(() => authorize(token(['Workshop.AccountHolder.NoordHolland'], PARTNER), HOME)),
    ).toBe('NO_ROLE');
    expect(authorize(token(['Workshop.Trainer'], PARTNER), HOME).roles).toEqual(['trainer']);
  });
});

describe('permissions', () => {
  const accountHolder = authorize(token(['Workshop.AccountHolder.NoordHolland']), HOME);
  const trainer = authorize(token(['Workshop.Trainer']), HOME);
  const coordinator = authorize(token(['Workshop.Coordinator']), HOME);
  const admin = authorize(token(['Workshop.Admin']), HOME);

  it('account holders plan: write, propose, confirm, cancel, sync', () => {
    for (const permission of [
      'signups:read',
      'signups:write',
      'signups:propose',
      'signups:confirm',
      'signups:cancel',
      'signups:sync',
    ] as const) {
      expect(hasPermission(accountHolder, permission)).toBe(true);
    }
    expect(hasPermission(accountHolder, 'province:read')).toBe(false);
    expect(hasPermission(accountHolder, 'admin:provision')).toBe(false);
  });

  it('trainers only read their own workshops', () => {
    expect(permissionsOf(trainer)).toEqual([
      'me:read',
      'campaign:read',
      'workshops:read-own',
      'availability:write-own',
    ]);
  });

  it('the coordinator reads everything and writes nothing but the campaign’s editions', () => {
    expect(permissionsOf(coordinator)).toEqual([
      'me:read',
      'campaign:read',
      'campaign:write',
      'signups:read',
      'province:read',
    ]);
  });

  it('the admin provisions and does not plan', () => {
    expect(hasPermission(admin, 'admin:provision')).toBe(true);
    expect(hasPermission(admin, 'signups:write')).toBe(false);
    expect(codeOf(() => assertPermission(admin, 'signups:confirm'))).toBe('FORBIDDEN');
    expect(codeOf(() => assertPermission(admin, 'admin:provision'))).toBeUndefined();
  });

  it('scopes account holders to their RIEC; the coordinator reads all RIECs', () => {
    expect(codeOf(() => assertCanPlanFor(accountHolder, 'RIEC Noord-Holland'))).toBeUndefined();
    expect(codeOf(() => assertCanPlanFor(accountHolder, 'RIEC Amsterdam-Amstelland'))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => assertCanRead(coordinator, 'RIEC Amsterdam-Amstelland'))).toBeUndefined();
    expect(codeOf(() => assertCanPlanFor(coordinator, 'RIEC Amsterdam-Amstelland'))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(() => assertCanRead(trainer, 'RIEC Noord-Holland'))).toBe('FORBIDDEN');
  });
});
