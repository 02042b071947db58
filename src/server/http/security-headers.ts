// Response headers for a page that Teams and Outlook frame: a strict CSP whose frame-ancestors
// lists the Microsoft 365 hosts instead of X-Frame-Options (which would forbid the framing), HSTS
// only behind https, a Permissions-Policy that switches off the powerful browser features the app
// never uses, and CORS closed unless an origin is configured.
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { Env } from '../env.js';

/** The hosts that frame the tab and the add-in (Teams, Outlook on the web, Microsoft 365 app). */
export const MICROSOFT_365_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.outlook.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
];

/** office.js for the Outlook add-in, from Microsoft's CDN (it cannot be bundled). */
const OFFICE_JS_SOURCES = ['https://appsforoffice.microsoft.com', 'https://res.cdn.office.net'];

const LOCALHOST_SOURCES = ['http://localhost:*', 'https://localhost:*'];

/**
 * Browser features the tab and the add-in never use, switched off for their pages and anything
 * they embed, so injected script cannot reach them either. Only features a page itself would ask
 * for: the host's own frame (Teams, Outlook) is not affected, and sign-in happens in the host's
 * or the identity provider's own windows, which keep their features (WebAuthn, FIDO2 keys).
 * Names Chromium does not know are left out: it would log a warning for each on every page.
 */
export const DENIED_FEATURES = [
  'accelerometer',
  'ambient-light-sensor',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
] as const;

export const PERMISSIONS_POLICY = DENIED_FEATURES.map((feature) => `${feature}=()`).join(', ');

export function isHttps(env: Env): boolean {
  return new URL(env.PUBLIC_URL).protocol === 'https:';
}

export function contentSecurityPolicyDirectives(env: Env): Record<string, string[]> {
  const dev = env.ALLOW_LOCALHOST ? LOCALHOST_SOURCES : [];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...OFFICE_JS_SOURCES],
    'script-src-attr': ["'none'"],
    // Fluent UI v9 (Griffel) inserts its CSS at run time; styles cannot run code, scripts stay
    // strict. A nonce for Griffel's style elements would allow dropping 'unsafe-inline'.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // The browser signs in at the authority (the sandbox locally) and calls only this API.
    'connect-src': ["'self'", new URL(env.AUTHORITY_HOST).origin, ...dev],
    'frame-ancestors': ["'self'", ...MICROSOFT_365_FRAME_ANCESTORS, ...dev],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
  };
  if (isHttps(env)) directives['upgrade-insecure-requests'] = [];
  return directives;
}

export async function registerSecurityHeaders(app: FastifyInstance, env: Env): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicyDirectives(env) },
    // Framing is governed by CSP frame-ancestors; X-Frame-Options cannot list several hosts and
    // would stop Teams and Outlook from showing the app.
    frameguard: false,
    strictTransportSecurity: isHttps(env)
      ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true }
      : false,
    // Sign-in popups (msal-browser, Teams authenticate) must keep their opener.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
  // Helmet has no Permissions-Policy; set like its headers, before any route or error runs.
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });

  // The tab and the add-in are served by this server and call the API on the same origin: they
  // need no CORS. CORS_ALLOWED_ORIGINS is for a web bundle served elsewhere (a Vite dev server,
  // a CDN). Tokens travel in the Authorization header, never in cookies: no credentials.
  if (env.CORS_ALLOWED_ORIGINS.length > 0) {
    await app.register(cors, {
      origin: [...env.CORS_ALLOWED_ORIGINS],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: [
        'authorization',
        'content-type',
        'accept-language',
        'if-match',
        'x-correlation-id',
        'client-request-id',
      ],
      exposedHeaders: ['x-correlation-id', 'retry-after', 'etag', 'www-authenticate'],
      credentials: false,
      maxAge: 600,
    });
  }
}
