// POST /users/{id}/teamwork/sendActivityNotification, validated as Graph documents it
// (graph/api/userteamwork-sendactivitynotification.md, graph/teams-send-activityfeednotifications.md):
// TeamsActivity.Send (delegated or application; TeamsActivity.Send.User for an app), the
// caller's Teams app installed in the recipient's personal scope, an activity type the app's
// manifest declares (or systemDefault), every template parameter its text names, and a topic
// (source entityUrl, or text with a webUrl). Answers 204 No Content; the feed is the inspector's.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { callerOf, type SandboxContext } from '../context.js';
import { GraphError } from '../http/graph-error.js';
import type { Caller } from '../identity/graph-auth.js';
import { addToFeed, installedApps, type InstalledApp } from './store.js';

const DELEGATED = ['TeamsActivity.Send'];
const APPLICATION = ['TeamsActivity.Send.User', 'TeamsActivity.Send'];

/** The reserved activity type: free text in the systemDefaultText parameter. */
const SYSTEM_DEFAULT = 'systemDefault';

const ZBody = z.object({
  activityType: z.string().min(1),
  chainId: z.number().int().optional(),
  iconId: z.string().optional(),
  previewText: z.object({ content: z.string() }).passthrough().optional(),
  teamsAppId: z.string().optional(),
  templateParameters: z.array(z.object({ name: z.string().min(1), value: z.string() })).optional(),
  topic: z
    .object({
      source: z.enum(['entityUrl', 'text']),
      value: z.string().min(1),
      webUrl: z.string().url().optional(),
    })
    .passthrough(),
});

const badRequest = (message: string) => new GraphError(400, 'BadRequest', message);

function requirePermission(caller: Caller): void {
  const needed = caller.kind === 'app' ? APPLICATION : DELEGATED;
  if (needed.some((permission) => caller.permissions.includes(permission))) return;
  throw new GraphError(
    403,
    'Forbidden',
    `Missing role permissions on the request. API requires one of '${needed.join(', ')}'.`,
  );
}

/** The `{name}` placeholders of a template text, without the reserved {actor}. */
export function templatePlaceholders(templateText: string): string[] {
  const names = [...templateText.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] ?? '');
  return [...new Set(names)].filter((name) => name !== 'actor');
}

function fill(templateText: string, values: ReadonlyMap<string, string>, actor: string): string {
  return templateText.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    name === 'actor' ? actor : (values.get(name) ?? whole),
  );
}

function appOf(ctx: SandboxContext, caller: Caller, userId: string, teamsAppId?: string) {
  const apps = installedApps(ctx, userId).filter(
    (app) =>
      app.entraAppId.toLowerCase() === caller.appId.toLowerCase() &&
      (teamsAppId === undefined || app.teamsAppId.toLowerCase() === teamsAppId.toLowerCase()),
  );
  const app: InstalledApp | undefined = apps[0];
  if (!app) {
    throw new GraphError(
      403,
      'Forbidden',
      "The Teams app that sends the notification is not installed in the recipient's personal scope.",
    );
  }
  return app;
}

export async function teamworkRoutes(app: FastifyInstance, ctx: SandboxContext): Promise<void> {
  app.post(
    '/users/:id/teamwork/sendActivityNotification',
    async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
      const caller = callerOf(request);
      requirePermission(caller);
      const user = ctx.directory.findUserInTenant(caller.tenantId, request.params.id);
      if (!user) {
        throw new GraphError(
          404,
          'NotFound',
          `Resource '${request.params.id}' does not exist or one of its queried reference-property objects are not present.`,
        );
      }
      const parsed = ZBody.safeParse(request.body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw badRequest(
          `Invalid request body: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}.`,
        );
      }
      const body = parsed.data;
      if (body.topic.source === 'text' && !body.topic.webUrl) {
        throw badRequest("topic.webUrl is required when topic.source is 'text'.");
      }
      if (
        body.topic.source === 'entityUrl' &&
        !/^https:\/\/graph\.microsoft\.com\//i.test(body.topic.value)
      ) {
        throw badRequest('topic.value must be the Microsoft Graph URL of a supported resource.');
      }
      const installed = appOf(ctx, caller, user.id, body.teamsAppId);
      const values = new Map<string, string>();
      for (const parameter of body.templateParameters ?? []) {
        if (values.has(parameter.name))
          throw badRequest(`Template parameter '${parameter.name}' is given more than once.`);
        values.set(parameter.name, parameter.value);
      }
      let templateText: string;
      if (body.activityType === SYSTEM_DEFAULT) {
        if (!values.has('systemDefaultText'))
          throw badRequest(
            "The systemDefault activity type needs the 'systemDefaultText' parameter.",
          );
        templateText = '{systemDefaultText}';
      } else {
        const declared = installed.activityTypes.find((type) => type.type === body.activityType);
        if (!declared) {
          throw badRequest(
            `Activity type '${body.activityType}' is not declared in the manifest of Teams app '${installed.teamsAppId}'.`,
          );
        }
        templateText = declared.templateText;
      }
      const needed = templatePlaceholders(templateText);
      const missing = needed.filter((name) => !values.has(name));
      if (missing.length > 0) {
        throw badRequest(
          `Template parameter(s) missing for activity type '${body.activityType}': ${missing.join(', ')}.`,
        );
      }
      const unknown = [...values.keys()].filter(
        (name) => !needed.includes(name) && name !== 'systemDefaultText',
      );
      if (unknown.length > 0) {
        throw badRequest(
          `Template parameter(s) not in the template of activity type '${body.activityType}': ${unknown.join(', ')}.`,
        );
      }
      addToFeed(ctx, {
        userId: user.id,
        teamsAppId: installed.teamsAppId,
        activityType: body.activityType,
        text: fill(templateText, values, installed.displayName),
        previewText: body.previewText?.content ?? null,
        topic: { source: body.topic.source, value: body.topic.value },
        webUrl: body.topic.webUrl ?? (body.topic.source === 'entityUrl' ? body.topic.value : null),
        chainId: body.chainId ?? null,
        createdDateTime: ctx.clock.now().toISOString(),
      });
      return reply.status(204).send();
    },
  );
}
