// The privacy statement and the terms of use that the app package links to (developer.privacyUrl
// and developer.termsOfUseUrl in appPackage/manifest.template.json; Teams shows both on the app's
// details page and requires them). Static HTML in src/web/public/legal/, one file per language;
// Vite copies it into the web bundle. Dutch unless `?lang=en` or the browser prefers English.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Language } from '../../app/errors.js';
import type { Env } from '../env.js';
import { negotiateLanguage } from './locale.js';

/** The pages and their files (`<name>.<language>.html`). */
export const LEGAL_PAGES = { '/privacy': 'privacy', '/terms': 'terms' } as const;

/** The sources: the server also answers when the web bundle has not been built (development). */
const SOURCE_DIR = fileURLToPath(new URL('../../web/public/legal/', import.meta.url));

const CONTENT_LANGUAGE: Readonly<Record<Language, string>> = { nl: 'nl-NL', en: 'en-US' };

function pageLanguage(request: FastifyRequest): Language {
  const { lang } = request.query as { lang?: unknown };
  if (lang === 'en' || lang === 'nl') return lang;
  return negotiateLanguage(request.headers['accept-language']);
}

/** The built bundle's copy when there is one, else the source. */
function legalDir(env: Env): string {
  const built = join(resolve(env.WEB_DIST_DIR), 'legal');
  return existsSync(built) ? built : SOURCE_DIR;
}

export function registerLegalPages(app: FastifyInstance, env: Env): void {
  const dir = legalDir(env);
  for (const [url, name] of Object.entries(LEGAL_PAGES)) {
    // Pages for people, not part of the API: left out of the OpenAPI document.
    app.get(
      url,
      { schema: { hide: true } },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const language = pageLanguage(request);
        const html = await readFile(join(dir, `${name}.${language}.html`), 'utf8');
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('content-language', CONTENT_LANGUAGE[language])
          .header('vary', 'Accept-Language')
          .header('cache-control', 'public, max-age=3600')
          .send(html);
      },
    );
  }
}
