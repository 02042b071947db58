// The product is self-contained: a clone builds, tests and explains itself. Every relative link in
// the README and in docs/ points at a file inside the repository that exists.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(ROOT, 'docs', name));
  const packages = readdirSync(join(ROOT, 'packages')).map((name) =>
    join(ROOT, 'packages', name, 'README.md'),
  );
  return [join(ROOT, 'README.md'), ...docs, ...packages.filter((path) => existsSync(path))];
}

/** Targets of Markdown links and images that are not absolute URLs or anchors. */
function relativeTargets(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
  return targets.filter((target) => !/^(?:[a-z]+:|#)/i.test(target));
}

describe('documentation links', () => {
  it.each(markdownFiles().map((path) => [relative(ROOT, path), path]))(
    '%s links only to files inside the repository that exist',
    (_, path) => {
      const broken = relativeTargets(readFileSync(path, 'utf8')).filter((target) => {
        const file = resolve(dirname(path), decodeURI(target.split('#')[0]!));
        return relative(ROOT, file).startsWith('..') || !existsSync(file);
      });
      expect(broken).toEqual([]);
    },
  );

  it('finds links at all (a pattern that matches nothing would pass every file)', () => {
    expect(relativeTargets(readFileSync(join(ROOT, 'README.md'), 'utf8'))).toContain(
      'docs/design.md',
    );
  });
});
