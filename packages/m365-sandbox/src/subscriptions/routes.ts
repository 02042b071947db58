// Graph's subscription API for Outlook events (api/subscription-post-subscriptions.md,
// subscription-get.md, subscription-list.md, subscription-update.md, subscription-delete.md,
// subscription-reauthorize.md): POST/GET /subscriptions, GET/PATCH/DELETE /subscriptions/{id},
// POST /subscriptions/{id}/reauthorize. Only `/users/{id}/events` (and `/me/events`) can be
// subscribed to — what the product uses.
//
// What Graph refuses, the sandbox refuses with Graph's answer: a notification URL that is not
// https (400 "NotificationUrl scheme='http' is not supported."; the sandbox lets http through
// for loopback addresses only, so a server on this machine can be reached), an expiry past
// 10,080 minutes (ExtensionError), and an endpoint that fails the validation handshake —
// wrong answer, no 200, or not within 10 seconds — so the subscription is not created.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { resolveMailbox } from '../calendar/access.js';
import { callerOf, type SandboxContext } from '../context.js';
import { GraphError, parseGraphBody } from '../http/graph-error.js';
import type { Caller } from '../identity/graph-auth.js';
import { newGuid } from '../ids.js';
import { validateEndpoint, type ValidationResult } from './delivery.js';
import { toGraphSubscription } from './graph-json.js';
import { subscriptionsOf } from './service.js';
import type { ChangeType, StoredSubscription } from './store.js';
import { currentCalendarSeq } from './watcher.js';

/** Outlook message, event and contact subscriptions (concepts/change-notifications-overview.md). */
export const MAX_LIFETIME_MINUTES = 10_080;
/** Subscriptions per mailbox, across all apps. */
const MAX_PER_MAILBOX = 1_000;
const CHANGE_TYPES: readonly ChangeType[] = ['created', 'updated', 'deleted'];
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

const ZCreate = z.strictObject({
  changeType: z.string(),
  notificationUrl: z.string(),
  lifecycleNotificationUrl: z.string().nullish(),
  resource: z.string(),
  expirationDateTime: z.string(),
  clientState: z.string().nullish(),
  latestSupportedTlsVersion: z.enum(['v1_0', 'v1_1', 'v1_2', 'v1_3']).nullish(),
  includeResourceData: z.boolean().nullish(),
  encryptionCertificate: z.string().nullish(),
  encryptionCertificateId: z.string().nullish(),
  notificationQueryOptions: z.string().nullish(),
  notificationUrlAppId: z.string().nullish(),
});
const ZUpdate = z.strictObject({
  expirationDateTime: z.string().optional(),
  notificationUrl: z.string().optional(),
});

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const invalid = (message: string, code = 'InvalidRequest') => new GraphError(400, code, message);

function parseChangeTypes(value: string): ChangeType[] {
  const types = value.split(',').map((part) => part.trim());
  if (types.length === 0 || types.some((t) => !CHANGE_TYPES.includes(t as ChangeType))) {
    throw invalid(`'${value}' is not a valid change type.`, 'ExtensionError');
  }
  return [...new Set(types as ChangeType[])];
}

/** https anywhere; http only to this machine (the sandbox's one allowance, see the top). */
function checkNotificationUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`Invalid notification url='${value}'.`);
  }
  if (url.protocol === 'https:') return url.toString();
  if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return url.toString();
  throw invalid(`NotificationUrl scheme='${url.protocol.replace(/:$/, '')}' is not supported.`);
}

function parseExpiry(ctx: SandboxContext, value: string): number {
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw invalid(`'${value}' is not a valid expirationDateTime.`);
  const now = ctx.clock.now().getTime();
  if (at <= now) throw invalid('Subscription expiration must be in the future.', 'ExtensionError');
  if (at - now > MAX_LIFETIME_MINUTES * 60_000) {
    throw invalid(
      `Subscription expiration can only be ${MAX_LIFETIME_MINUTES} minutes in the future.`,
      'ExtensionError',
    );
  }
  return at;
}

/** `/users/{id}/events`, `/users/{id}/calendar/events` or `/me/events` → the mailbox's user. */
function mailboxOfResource(ctx: SandboxContext, request: FastifyRequest, resource: string) {
  const match = /^\/?(?:users\/([^/]+)|(me))\/(?:calendar\/)?events$/i.exec(resource.trim());
  if (!match) throw invalid(`Resource '${resource}' is not supported for subscriptions.`);
  const caller = callerOf(request);
  const id = match[2]
    ? caller.kind === 'user'
      ? caller.userId
      : 'me'
    : decodeURIComponent(match[1]!);
  return resolveMailbox(ctx, request, id, 'read');
}

function validationError(result: Exclude<ValidationResult, { ok: true }>): GraphError {
  switch (result.reason) {
    case 'timeout':
      return invalid('Subscription validation request timed out.');
    case 'mismatch':
      return invalid(
        'Subscription validation request failed. Response must exactly match validationToken query parameter.',
        'ValidationError',
      );
    default:
      return invalid(
        'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
        'ValidationError',
      );
  }
}

function creatorOf(ctx: SandboxContext, caller: Caller): string {
  if (caller.kind === 'user') return caller.userId;
  return ctx.directory.findApp(caller.appId)?.servicePrincipalId ?? caller.appId;
}

/** A live subscription of the caller's app, or Graph's 404. */
function ownSubscription(ctx: SandboxContext, request: IdRequest): StoredSubscription {
  const caller = callerOf(request);
  const found = subscriptionsOf(ctx).store.find(request.params.id);
  if (
    !found ||
    found.appId !== caller.appId ||
    found.tenantId !== caller.tenantId ||
    found.expiresMs <= ctx.clock.now().getTime()
  ) {
    throw new GraphError(404, 'ResourceNotFound', `The object was not found.`);
  }
  return found;
}

export function registerSubscriptionRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const service = subscriptionsOf(ctx);
  const baseUrl = () => ctx.urls.https;

  app.post('/subscriptions', async (request, reply) => {
    const body = parseGraphBody(ZCreate, request.body, 'subscription');
    const mailbox = mailboxOfResource(ctx, request, body.resource);
    const changeTypes = parseChangeTypes(body.changeType);
    const notificationUrl = checkNotificationUrl(body.notificationUrl);
    const lifecycleUrl = body.lifecycleNotificationUrl
      ? checkNotificationUrl(body.lifecycleNotificationUrl)
      : null;
    const expiresMs = parseExpiry(ctx, body.expirationDateTime);
    if ((body.clientState?.length ?? 0) > 128) {
      throw invalid('clientState cannot be longer than 128 characters.', 'ExtensionError');
    }
    if (body.includeResourceData) {
      throw invalid(
        'A valid encryption certificate is required for subscriptions with resource data.',
        'ExtensionError',
      );
    }
    if (service.store.countForMailbox(mailbox.id) >= MAX_PER_MAILBOX) {
      throw new GraphError(403, 'ExtensionError', 'Subscriptions limit reached for this mailbox.');
    }
    for (const url of new Set([notificationUrl, ...(lifecycleUrl ? [lifecycleUrl] : [])])) {
      const result = await validateEndpoint(url, service.settings, service.log);
      if (!result.ok) throw validationError(result);
    }
    const caller = callerOf(request);
    const now = ctx.clock.now().getTime();
    const subscription: StoredSubscription = {
      id: newGuid(),
      appId: caller.appId,
      tenantId: caller.tenantId,
      creatorId: creatorOf(ctx, caller),
      resource: body.resource,
      mailboxId: mailbox.id,
      changeTypes,
      notificationUrl,
      lifecycleUrl,
      clientState: body.clientState ?? null,
      tlsVersion: body.latestSupportedTlsVersion ?? 'v1_2',
      expiresMs,
      renewedMs: now,
      // Notifications for what changes from now on.
      lastSeq: currentCalendarSeq(ctx.db),
      reauthorizationSent: false,
      dropped: 0,
    };
    service.store.insert(subscription);
    return reply.status(201).send(toGraphSubscription(subscription, baseUrl()));
  });

  app.get('/subscriptions', async (request) => {
    const caller = callerOf(request);
    const now = ctx.clock.now().getTime();
    const value = service.store
      .all()
      .filter(
        (s) => s.appId === caller.appId && s.tenantId === caller.tenantId && s.expiresMs > now,
      )
      .map((s) => {
        const { '@odata.context': _context, ...json } = toGraphSubscription(s, baseUrl());
        return json;
      });
    return { '@odata.context': `${baseUrl()}/v1.0/$metadata#subscriptions`, value };
  });

  app.get('/subscriptions/:id', async (request: IdRequest) =>
    toGraphSubscription(ownSubscription(ctx, request), baseUrl()),
  );

  app.patch('/subscriptions/:id', async (request: IdRequest) => {
    const subscription = ownSubscription(ctx, request);
    const body = parseGraphBody(ZUpdate, request.body, 'subscription');
    const expiresMs = body.expirationDateTime
      ? parseExpiry(ctx, body.expirationDateTime)
      : subscription.expiresMs;
    let notificationUrl: string | undefined;
    if (body.notificationUrl !== undefined) {
      notificationUrl = checkNotificationUrl(body.notificationUrl);
      const result = await validateEndpoint(notificationUrl, service.settings, service.log);
      if (!result.ok) throw validationError(result);
    }
    // Renewing also reauthorizes (change-notifications-lifecycle-events.md).
    service.store.renew(subscription.id, expiresMs, ctx.clock.now().getTime(), notificationUrl);
    return toGraphSubscription(service.store.find(subscription.id)!, baseUrl());
  });

  app.post('/subscriptions/:id/reauthorize', async (request: IdRequest, reply) => {
    // Reauthorizes without extending: close to its end, the subscription keeps being warned.
    ownSubscription(ctx, request);
    return reply.status(204).send();
  });

  app.delete('/subscriptions/:id', async (request: IdRequest, reply) => {
    service.store.remove(ownSubscription(ctx, request).id);
    return reply.status(204).send();
  });
}
