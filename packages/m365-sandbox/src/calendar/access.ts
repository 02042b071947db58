// Who may touch which calendar: the permission the token carries (Calendars.Read for reads,
// Calendars.ReadWrite for writes; api/user-list-events.md, api/user-post-events.md) and the
// mailbox rule of graph-auth (own mailbox for delegated callers, own tenant for apps).
import type { FastifyRequest } from 'fastify';
import { callerOf, type SandboxContext } from '../context.js';
import type { DirectoryUser } from '../directory/store.js';
import { GraphError } from '../http/graph-error.js';
import { requireGraphPermission, requireMailboxAccess } from '../identity/graph-auth.js';

const READ = {
  delegated: ['Calendars.Read', 'Calendars.ReadWrite', 'Calendars.Read.Shared'],
  application: ['Calendars.Read', 'Calendars.ReadWrite'],
};
const WRITE = {
  delegated: ['Calendars.ReadWrite'],
  application: ['Calendars.ReadWrite'],
};

export type CalendarAccess = 'read' | 'write';

/** The mailbox `/users/{id}` names, after checking the caller may read or write its calendar. */
export function resolveMailbox(
  ctx: SandboxContext,
  request: FastifyRequest,
  id: string,
  access: CalendarAccess,
): DirectoryUser {
  const caller = callerOf(request);
  requireGraphPermission(caller, access === 'read' ? READ : WRITE);
  const user = ctx.directory.findUserInTenant(caller.tenantId, id);
  if (!user) {
    // Exchange's answer for a mailbox it cannot resolve in the caller's organisation.
    throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`);
  }
  requireMailboxAccess(caller, user.id, user.tenantId);
  return user;
}

/**
 * Action bodies (accept, cancel, getSchedule) are read with case-insensitive parameter names:
 * the metadata declares `Comment`, `SendResponse`, `Schedules`, and Graph's own examples use
 * both spellings. Maps known names to their camelCase form; unknown keys are left for the
 * strict schema to refuse.
 */
export function normalizeParameterNames(body: unknown, names: readonly string[]): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const canonical = names.find((n) => n.toLowerCase() === name.toLowerCase()) ?? name;
    out[canonical] = value;
  }
  return out;
}
