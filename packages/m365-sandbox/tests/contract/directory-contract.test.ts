// Directory payloads (/users, /users/{id}, /me) against the metadata's microsoft.graph.user, and
// Graph's error body on the failures every client meets: no token, unknown user, denied
// permission, malformed JSON.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../src/app.js';
import {
  appToken,
  graph,
  passwordToken,
  personByUpn,
  startTestSandbox,
} from '../../src/testing.js';
import {
  expectCollectionContract,
  expectContract,
  expectGraphErrorShape,
} from './contract-support.js';
import { restrictedToken } from './restricted-app.js';

let sandbox: Sandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await appToken(sandbox);
});

afterAll(async () => {
  await sandbox?.close();
});

describe('user', () => {
  it('GET /users keeps to Collection(microsoft.graph.user)', async () => {
    const users = await graph(sandbox, token, 'GET', '/users');
    expect(users.status).toBe(200);
    expectCollectionContract('user', users.body);
  });

  it('GET /users/{upn} and /me keep to microsoft.graph.user', async () => {
    const sanne = personByUpn('sanne.devries');
    const one = await graph(sandbox, token, 'GET', `/users/${sanne.upn}`);
    expect(one.body.id).toBe(sanne.id);
    expectContract('user', one.body);
    const delegated = await passwordToken(sandbox, sanne.upn, 'User.Read');
    const me = await graph(sandbox, delegated, 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body.userPrincipalName).toBe(sanne.upn);
    expectContract('user', me.body);
  });
});

describe('error body', () => {
  it('401 without a token', async () => {
    const response = await fetch(`${sandbox.urls.https}/v1.0/sites/root`);
    expect(response.status).toBe(401);
    expectGraphErrorShape(await response.json(), 'InvalidAuthenticationToken');
  });

  it('404 for an unknown user', async () => {
    const missing = await graph(sandbox, token, 'GET', '/users/niemand@riec.nl');
    expect(missing.status).toBe(404);
    expectGraphErrorShape(missing.body);
  });

  it('403 for a delegated token without Sites permissions', async () => {
    const delegated = await restrictedToken(sandbox, personByUpn('sanne.devries').upn);
    const denied = await graph(sandbox, delegated, 'GET', '/sites/root');
    expect(denied.status).toBe(403);
    expectGraphErrorShape(denied.body, 'accessDenied');
  });

  it('400 for malformed JSON, never a 500', async () => {
    const response = await graph(sandbox, token, 'POST', '/sites/root/lists', '{"displayName": ');
    expect(response.status).toBe(400);
    expectGraphErrorShape(response.body);
  });

  it('keeps client-request-id when the client sends one', async () => {
    const response = await graph(sandbox, token, 'GET', '/sites/root/lists/nope', undefined, {
      'client-request-id': '5d7a1c2e-0b3f-4e8a-9c6d-1f2e3a4b5c6d',
    });
    expect(response.status).toBe(404);
    expectGraphErrorShape(response.body, 'itemNotFound');
    expect(response.body.error.innerError['client-request-id']).toBe(
      '5d7a1c2e-0b3f-4e8a-9c6d-1f2e3a4b5c6d',
    );
  });
});
