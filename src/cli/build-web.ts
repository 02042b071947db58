// Builds the web bundles (Vite) into `outDir` and writes a Brotli and a gzip copy next to every
// script, style and page, which the server hands to browsers that accept them (@fastify/static
// `preCompressed`): the tab's first load in Teams is then about a third of the bytes.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.json', '.svg']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function compressAssets(outDir: string): number {
  let count = 0;
  for (const file of filesUnder(outDir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const content = readFileSync(file);
    if (content.length < 1024) continue;
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
    );
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
    count++;
  }
  return count;
}

/** `vite build` into `outDir` (emptied first), then the compressed copies. */
export function buildWeb(outDir: string): boolean {
  const build = spawnSync(
    resolve('node_modules/.bin/vite'),
    ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    {
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) return false;
  compressAssets(outDir);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(buildWeb(resolve(process.env.WEB_DIST_DIR ?? 'dist/web')) ? 0 : 1);
}
