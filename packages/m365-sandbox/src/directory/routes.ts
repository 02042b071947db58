// GET /users, /users/{id | userPrincipalName}, /me (rewritten to /users/{oid}).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { callerOf, type SandboxContext } from '../context.js';
import { GraphError } from '../http/graph-error.js';
import { applySelect, parseTop } from '../http/odata.js';
import { requireGraphPermission } from '../identity/graph-auth.js';
import type { DirectoryUser } from './store.js';

const READ_ALL = {
  delegated: ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
  application: ['User.Read.All', 'Directory.Read.All'],
};

export function toGraphUser(user: DirectoryUser) {
  return {
    id: user.id,
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    mail: user.mail,
    userPrincipalName: user.userPrincipalName,
    jobTitle: user.jobTitle,
    department: user.department,
    officeLocation: user.officeLocation,
    preferredLanguage: user.preferredLanguage,
    businessPhones: user.businessPhone ? [user.businessPhone] : [],
    mobilePhone: null,
  };
}

type UserQuery = { $select?: string; $top?: string; $skiptoken?: string; $filter?: string };

/** The subset of $filter on users that the product and scripts use: `prop eq 'value'`. */
function parseUserFilter(
  filter: string | undefined,
): ((user: DirectoryUser) => boolean) | undefined {
  if (!filter) return undefined;
  const match =
    /^\s*(mail|userPrincipalName|department|displayName)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
  if (!match) {
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      `Unsupported or invalid query filter clause specified: ${filter}`,
    );
  }
  const property = (match[1] ?? '').toLowerCase();
  const value = (match[2] ?? '').replace(/''/g, "'").toLowerCase();
  return (user) => {
    const field =
      property === 'mail'
        ? user.mail
        : property === 'userprincipalname'
          ? user.userPrincipalName
          : property === 'department'
            ? user.department
            : user.displayName;
    return (field ?? '').toLowerCase() === value;
  };
}

export async function directoryModule(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  app.get('/users', async (request: FastifyRequest<{ Querystring: UserQuery }>) => {
    const caller = callerOf(request);
    requireGraphPermission(caller, READ_ALL);
    const top = parseTop(request.query.$top, 100);
    const skip = Number(request.query.$skiptoken ?? 0) || 0;
    const filter = parseUserFilter(request.query.$filter);
    const users = ctx.directory
      .usersOfTenant(caller.tenantId)
      .filter((user) => !filter || filter(user));
    const page = users.slice(skip, skip + top);
    const next = skip + top < users.length ? skip + top : undefined;
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query)) {
      if (name !== '$skiptoken' && value !== undefined) params.set(name, value);
    }
    if (next !== undefined) params.set('$skiptoken', String(next));
    return {
      '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users`,
      value: page.map((user) => applySelect(toGraphUser(user), request.query.$select)),
      ...(next !== undefined
        ? { '@odata.nextLink': `${ctx.urls.https}/v1.0/users?${params.toString()}` }
        : {}),
    };
  });

  app.get(
    '/users/:id',
    async (request: FastifyRequest<{ Params: { id: string }; Querystring: UserQuery }>) => {
      const caller = callerOf(request);
      const user = ctx.directory.findUserInTenant(caller.tenantId, request.params.id);
      if (!user) {
        throw new GraphError(
          404,
          'Request_ResourceNotFound',
          `Resource '${request.params.id}' does not exist or one of its queried reference-property objects are not present.`,
        );
      }
      const isSelf = caller.kind === 'user' && caller.userId === user.id;
      if (!(isSelf && caller.permissions.includes('User.Read')))
        requireGraphPermission(caller, READ_ALL);
      return {
        '@odata.context': `${ctx.urls.https}/v1.0/$metadata#users/$entity`,
        ...applySelect(toGraphUser(user), request.query.$select),
      };
    },
  );
}
