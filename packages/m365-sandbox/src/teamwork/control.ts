// Control API for Teams apps: install an app (its manifest's activity types) in a user's
// personal scope, remove it, read a user's activity feed. Local only, like the rest of /_sandbox.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { GraphError } from '../http/graph-error.js';
import { installApp, installedApps, listFeed, uninstallApp } from './store.js';

const ZInstall = z
  .object({
    entraAppId: z.string().min(1),
    displayName: z.string().min(1),
    activityTypes: z
      .array(
        z.object({
          type: z.string().min(1),
          description: z.string(),
          templateText: z.string().min(1),
        }),
      )
      .default([]),
  })
  .strict();

type UserApp = FastifyRequest<{ Params: { userId: string; teamsAppId: string } }>;

export async function teamworkControl(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  const userOf = (id: string) => {
    const user = ctx.directory.findUser(id);
    if (!user) throw new GraphError(404, 'NotFound', `Unknown user '${id}'.`);
    return user;
  };
  app.put('/users/:userId/installedApps/:teamsAppId', async (request: UserApp, reply) => {
    const user = userOf(request.params.userId);
    const parsed = ZInstall.safeParse(request.body ?? {});
    if (!parsed.success) throw new GraphError(400, 'BadRequest', parsed.error.message);
    installApp(ctx, { userId: user.id, teamsAppId: request.params.teamsAppId, ...parsed.data });
    return reply.status(204).send();
  });
  app.delete('/users/:userId/installedApps/:teamsAppId', async (request: UserApp, reply) => {
    const user = userOf(request.params.userId);
    uninstallApp(ctx, user.id, request.params.teamsAppId);
    return reply.status(204).send();
  });
  app.get(
    '/users/:userId/installedApps',
    async (request: FastifyRequest<{ Params: { userId: string } }>) => ({
      value: installedApps(ctx, userOf(request.params.userId).id),
    }),
  );
  app.get(
    '/users/:userId/feed',
    async (request: FastifyRequest<{ Params: { userId: string } }>) => ({
      value: listFeed(ctx, userOf(request.params.userId).id),
    }),
  );
}
