// The OpenAPI 3.1 document at /api/openapi.json, generated from the routes' zod schemas by
// fastify-type-provider-zod. Every operation documents its problem+json answers; protected ones
// carry the bearerAuth requirement, public ones an empty one.
import swagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema } from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
} from 'fastify-type-provider-zod';
import { ERROR_TEXTS, type ErrorCode } from '../../app/errors.js';
import type { Env } from '../env.js';
import { HTTP_STATUS } from '../errors/http-status.js';
import { ZProblem } from '../errors/problem.js';

export const OPENAPI_PATH = '/api/openapi.json';

// Registered by id, so the document holds one Problem schema and every answer refers to it.
const ZProblemComponent = ZProblem.meta({ id: 'Problem' });

const zodTransform = createJsonSchemaTransform({});

function problemResponse(codes: readonly ErrorCode[]) {
  return {
    description: codes.map((code) => `${code}: ${ERROR_TEXTS[code].title.nl}`).join('; '),
    content: { 'application/problem+json': { schema: ZProblemComponent } },
  };
}

interface DocumentedSchema extends FastifySchema {
  readonly security?: readonly Record<string, readonly string[]>[];
  /** The route's own problems (define-route.ts `problems`); folded into the responses. */
  readonly problems?: readonly ErrorCode[];
}

/** The error answers a route can give, grouped by status. */
function problemResponses(
  schema: DocumentedSchema,
  isRateLimited: boolean,
): Record<number, ReturnType<typeof problemResponse>> {
  const isProtected = (schema.security ?? []).length > 0;
  const hasInput = Boolean(schema.body ?? schema.querystring ?? schema.params);
  const codes: ErrorCode[] = [
    ...(schema.problems ?? []),
    ...(hasInput ? (['VALIDATION_FAILED', 'MALFORMED_REQUEST'] as const) : []),
    ...(schema.body ? (['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) : []),
    ...(isProtected
      ? (['UNAUTHENTICATED', 'NO_ROLE', 'FORBIDDEN', 'AUTH_UNAVAILABLE'] as const)
      : []),
    ...(isRateLimited ? (['RATE_LIMITED'] as const) : []),
    'INTERNAL',
  ];
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = HTTP_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, group]) => [status, problemResponse(group)]),
  );
}

export async function registerOpenApi(app: FastifyInstance, env: Env): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Workshopplanner API',
        version: '1.0.0',
        description:
          'API van Workshopplanner voor de Teams-tab en de Outlook-invoegtoepassing: aanmeldingen ' +
          'voor de workshop weerbaarheid, integriteit en ondermijning plannen op Microsoft 365. ' +
          'Fouten zijn application/problem+json (RFC 9457), in het Nederlands of Engels ' +
          '(Accept-Language).',
      },
      servers: [{ url: env.PUBLIC_URL }],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description:
              'Toegangstoken van Microsoft Entra ID (of de sandbox) voor de scope access_as_user.',
          },
        },
      },
      security: [{ bearerAuth: [] }],
      tags: [
        { name: 'Gebruiker', description: 'De aangemelde gebruiker' },
        { name: 'Campagne', description: 'De lopende campagne en haar regels' },
        { name: 'Gemeenten', description: 'De gemeenten en de stand van hun aanmelding' },
        {
          name: 'Aanmeldingen',
          description:
            'Aanmeldingen van gemeenten: vastleggen, opties plaatsen, bevestigen, annuleren. ' +
            'Opdrachten zijn veilig te herhalen na een verbroken verbinding: een bewerking die al ' +
            'is uitgevoerd geeft de aanmelding terug in plaats van een conflict.',
        },
        {
          name: 'Planning',
          description: 'Beschikbaarheid van trainers en antwoorden op de opties',
        },
        { name: 'Post', description: 'Aanmeldingsmails lezen (Outlook-invoegtoepassing)' },
        { name: 'Systeem', description: 'Bewaking' },
      ],
    },
    transform: (document) => {
      const schema = document.schema as DocumentedSchema | undefined;
      if (!schema || schema.hide) return zodTransform(document);
      const isRateLimited = document.route.config?.rateLimit !== false;
      const response = {
        ...problemResponses(schema, isRateLimited),
        ...(schema.response as object),
      };
      const { problems: _problems, ...rest } = schema;
      return zodTransform({ ...document, schema: { ...rest, response } });
    },
    transformObject: createJsonSchemaTransformObject({}),
  });
}

export function registerOpenApiRoute(app: FastifyInstance): void {
  app.get(OPENAPI_PATH, { schema: { hide: true }, config: { permission: 'public' } }, async () =>
    app.swagger(),
  );
}
