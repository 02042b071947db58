// No runtime import cycles in the product or the sandbox (issue 17, item 5): a cycle lets the
// load order decide what a module sees. scripts/import-cycles.ts walks the imports with the
// TypeScript parser; type-only imports do not count.
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_ROOTS, findImportCycles, runtimeImports } from '../../scripts/import-cycles.js';

describe('runtime import cycles', () => {
  it('finds none under src and packages/m365-sandbox/src', () => {
    expect(findImportCycles(DEFAULT_ROOTS)).toEqual([]);
  });

  it('counts value imports and re-exports, not type-only ones', () => {
    const text = [
      "import type { A } from './a.js';",
      "import { type B } from './b.js';",
      "import { c } from './c.js';",
      "export type { D } from './d.js';",
      "export * from './e.js';",
      "import x from 'node:fs';",
    ].join('\n');
    expect(runtimeImports('x.ts', text)).toEqual(['./b.js', './c.js', './e.js']);
  });
});
