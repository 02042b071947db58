// The OpenAPI 3.1 document is generated from the routes' zod schemas, is valid, and says for
// every operation who may call it and which problems it can answer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Validator } from '@seriousme/openapi-schema-validator';
import { call, startTestServer, type TestServer } from './server-harness.js';

// Each file starts its own sandbox (seeded) and servers: more than jest's 5 s on a busy machine.

let server: TestServer;
// The document is arbitrary JSON; the validator checks its structure.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let document: any;

beforeAll(async () => {
  // No sandbox needed: the document does not depend on the issuer.
  server = await startTestServer(undefined);
  const result = await call(server, '/api/openapi.json');
  expect(result.status).toBe(200);
  document = result.body;
});
afterAll(async () => server.close());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function operation(operationId: string): any {
  for (const [path, item] of Object.entries(document.paths as Record<string, object>)) {
    for (const [method, op] of Object.entries(item as Record<string, { operationId?: string }>)) {
      if (op.operationId === operationId) return { path, method, ...op };
    }
  }
  throw new Error(`operation ${operationId} not in the document`);
}

describe('OpenAPI document', () => {
  it('is served without a token and validates as OpenAPI 3.1', async () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists getMe and getCampaign with Dutch summaries, tags and bearerAuth', () => {
    for (const [operationId, path] of [
      ['getMe', '/api/me'],
      ['getCampaign', '/api/campaign'],
    ] as const) {
      const op = operation(operationId);
      expect(op).toMatchObject({ path, method: 'get' });
      expect(op.summary).toMatch(/^Geeft /);
      expect(op.tags.length).toBeGreaterThan(0);
      expect(op.security).toEqual([{ bearerAuth: [] }]);
      expect(op.responses['401'].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
      expect(op.responses['200'].content['application/json'].schema).toBeDefined();
    }
    expect(document.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('documents the response fields from the zod schemas', () => {
    const me = operation('getMe').responses['200'].content['application/json'].schema;
    expect(me.properties.riecs.items.enum).toContain('RIEC Noord-Holland');
    expect(me.required).toEqual(expect.arrayContaining(['userId', 'roles', 'permissions']));
    const campaign = operation('getCampaign').responses['200'].content['application/json'].schema;
    expect(campaign.properties.daysToDeadline.type).toBe('integer');
    const problem = document.components.schemas.Problem;
    expect(problem.properties.code.enum).toEqual(
      expect.arrayContaining(['UNAUTHENTICATED', 'VALIDATION_FAILED']),
    );
  });

  it('marks health as public and leaves the static files and the document itself out', () => {
    const health = operation('getHealth');
    expect(health.security).toEqual([]);
    expect(health.responses['401']).toBeUndefined();
    expect(health.responses['429']).toBeUndefined(); // probes are not rate limited
    expect(operation('getMe').responses['429']).toBeDefined();
    const paths = Object.keys(document.paths);
    expect(paths).not.toContain('/api/openapi.json');
    expect(paths.every((path) => path.startsWith('/api/'))).toBe(true);
    const ids = paths.flatMap((path) =>
      Object.values(document.paths[path] as Record<string, { operationId?: string }>).map(
        (op) => op.operationId,
      ),
    );
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the planning operations in the document', () => {
  const PLANNING = [
    ['listMunicipalities', 'get', '/api/municipalities', 'signups:read'],
    ['listSignups', 'get', '/api/signups', 'signups:read'],
    ['listSignupSummaries', 'get', '/api/signups/summaries', 'signups:read'],
    ['getSignup', 'get', '/api/signups/{signupId}', 'signups:read'],
    ['getSignupLog', 'get', '/api/signups/{signupId}/log', 'signups:read'],
    ['listLog', 'get', '/api/log', 'signups:read'],
    ['getDashboard', 'get', '/api/dashboard', 'signups:read'],
    ['registerSignup', 'post', '/api/signups', 'signups:write'],
    ['getAvailability', 'post', '/api/availability', 'signups:propose'],
    ['proposeHolds', 'post', '/api/signups/{signupId}/propose', 'signups:propose'],
    ['syncAnswers', 'post', '/api/sync', 'signups:sync'],
    ['confirmSlot', 'post', '/api/signups/{signupId}/confirm', 'signups:confirm'],
    ['cancelSignup', 'post', '/api/signups/{signupId}/cancel', 'signups:cancel'],
    ['updateSignup', 'patch', '/api/signups/{signupId}', 'signups:write'],
    ['updateSignupDates', 'post', '/api/signups/{signupId}/new-dates', 'signups:write'],
    ['checkSignup', 'post', '/api/signups/check', 'signups:write'],
    ['extractSlots', 'post', '/api/extract-slots', 'signups:write'],
    ['planCampaign', 'post', '/api/planning/plan', 'province:read'],
    ['applyPlan', 'post', '/api/planning/apply', 'signups:propose'],
    ['getApplyProgress', 'post', '/api/planning/apply/progress', 'signups:propose'],
    ['previewAttendees', 'post', '/api/signups/{signupId}/attendees/preview', 'workshops:read-own'],
    ['saveAttendees', 'put', '/api/signups/{signupId}/attendees', 'workshops:read-own'],
    ['getWorkshopSheet', 'get', '/api/signups/{signupId}/attendees', 'workshops:read-own'],
    ['makeGroups', 'post', '/api/signups/{signupId}/groups', 'workshops:read-own'],
    ['saveGroups', 'put', '/api/signups/{signupId}/groups', 'workshops:read-own'],
    ['getGroupsWorkbook', 'get', '/api/signups/{signupId}/groups/workbook', 'workshops:read-own'],
    ['getAttendeeTemplate', 'get', '/api/attendees/template', 'workshops:read-own'],
    ['getMyAvailability', 'get', '/api/me/availability', 'availability:write-own'],
    ['saveMyAvailability', 'post', '/api/me/availability', 'availability:write-own'],
  ] as const;

  it.each(PLANNING)(
    '%s: %s %s, Dutch summary, tag, permission and its own problems',
    (operationId, method, path, permission) => {
      const op = operation(operationId);
      expect(op).toMatchObject({ path, method });
      expect(op.summary).toMatch(/^[A-Z][a-z]+ /);
      expect(op.tags.length).toBe(1);
      expect(op['x-permissions']).toContain(permission);
      expect(op.security).toEqual([{ bearerAuth: [] }]);
      const success = op.responses['200'] ?? op.responses['201'];
      expect(success.content['application/json'].schema).toBeDefined();
      if (method === 'post' && operationId !== 'syncAnswers') {
        expect(op.requestBody.content['application/json'].schema).toBeDefined();
        expect(op.responses['413']).toBeDefined();
      }
    },
  );

  it('says what each command can answer: 404, 409, 422 and 503 where the use case can', () => {
    const confirm = operation('confirmSlot').responses;
    for (const status of ['400', '401', '403', '404', '409', '422', '503']) {
      expect(confirm[status].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
    expect(confirm['409'].description).toContain('CONFLICT');
    expect(operation('extractSlots').responses['404']).toBeUndefined(); // pure: nothing to find
    expect(operation('getSignup').description ?? '').not.toContain('{');
  });

  it('shares the sign-up view as one component and documents the repeat-safe commands', () => {
    const view = document.components.schemas.Signup;
    expect(view.required).toEqual(
      expect.arrayContaining(['allowedActions', 'confirmableSlots', 'pendingOperation', 'eTag']),
    );
    expect(operation('confirmSlot').responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Signup',
    });
    for (const id of ['proposeHolds', 'confirmSlot', 'cancelSignup', 'registerSignup']) {
      expect(operation(id).description).toMatch(/herhalen/);
    }
    expect(operation('getAvailability').description).toMatch(/niets opgeslagen/);
  });
});
