// Lint rules, including the dependency direction of DESIGN.md ("server → app → domain",
// "app → graph → domain", "web talks only to server", "sandbox imports nothing from the product";
// the sandbox is the workspace package packages/m365-sandbox).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const productLayers = ['contract', 'domain', 'graph', 'app', 'server', 'web', 'cli', 'data'];

/**
 * The local Microsoft 365 is a separate service: the product reaches it only over HTTP, as it
 * reaches a tenant. Only the composition of a local run (src/cli/start.ts), tests, bench/ and
 * scripts/ may import the package.
 */
const sandboxPackage = {
  group: ['@workshopplanner/m365-sandbox', '@workshopplanner/m365-sandbox/*'],
  message:
    'The local Microsoft 365 sandbox (packages/m365-sandbox) stands in for a tenant: the product talks to it only over HTTP through src/graph, exactly as to Microsoft 365 (DESIGN.md principles 2 and 3). Only src/cli/start.ts, tests, bench and scripts compose it.',
};

/**
 * A no-restricted-imports rule for a layer of the product: bans the given layers (relative
 * imports) and packages, and the sandbox package.
 */
function restrict({ layers = [], packages = [], message }) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(layers.length > 0
            ? [{ regex: `^(\\.\\./)+(${layers.join('|')})(/|$)`, message }]
            : []),
          ...(packages.length > 0 ? [{ group: packages, message }] : []),
          sandboxPackage,
        ],
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/contract/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(domain|graph|app|server|web|sandbox|cli|data)(/|$)',
              message:
                'src/contract is the leaf both sides share (src/contract/README.md): it imports nothing of the product. Move the list into the contract and let the domain import it from there.',
            },
            {
              regex: '^(?!zod(/|$))[^.]',
              message:
                'src/contract is pure and runs in the browser too: zod is its only package (src/contract/README.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict({
      layers: ['graph', 'app', 'server', 'web', 'cli'],
      packages: [
        '@microsoft/*',
        '@azure/*',
        'fastify',
        '@fastify/*',
        'better-sqlite3',
        'pino',
        'node:fs',
        'node:http',
        'node:https',
        'node:net',
      ],
      message:
        'src/domain is pure (DESIGN.md principle 4): no I/O, no Microsoft SDKs, no server framework. Put I/O in src/graph or src/app behind an interface that domain owns.',
    }),
  },
  {
    files: ['src/graph/**'],
    rules: restrict({
      layers: ['app', 'server', 'web', 'cli'],
      packages: ['fastify', '@fastify/*'],
      message:
        'src/graph is the Graph gateway: it may use domain types only. Use cases belong in src/app, HTTP in src/server; the sandbox is a separate service.',
    }),
  },
  {
    files: ['src/app/**'],
    rules: restrict({
      layers: ['server', 'web', 'cli'],
      packages: ['fastify', '@fastify/*', '@microsoft/microsoft-graph-client'],
      message:
        'src/app orchestrates domain and the gateway interfaces; it must not know HTTP, the Graph SDK or the sandbox (DESIGN.md: server → app → domain, app → graph → domain).',
    }),
  },
  {
    files: ['src/server/**'],
    rules: restrict({
      layers: ['web', 'cli'],
      message:
        'src/server talks to Microsoft 365 only through src/graph, whichever tenant it is: no import of the sandbox (DESIGN.md principle 2, one code path).',
    }),
  },
  {
    files: ['src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict({
        layers: ['domain', 'graph', 'app', 'server', 'cli', 'data'],
        packages: ['node:*', '@microsoft/microsoft-graph-client', '@azure/msal-node', 'fastify'],
        message:
          'src/web talks to the server only over HTTP, as the API contract says: import the types, schemas, lists and formatters from src/contract, nothing else outside src/web (src/contract/README.md). Server code in the bundle would break the layers and the 200 KB budget.',
      }),
    },
  },
  {
    files: ['packages/m365-sandbox/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // `../domain/x` or `../../../src/domain/x`: the product's folders, from any depth.
              // The package's own tests/contract is not the product's src/contract.
              regex: `^(\\.\\./)+((src/)?(${productLayers.filter((l) => l !== 'contract').join('|')})|src/contract)(/|$)`,
              message:
                'The sandbox package is a separate service standing in for Microsoft 365 (DESIGN.md principle 3): it imports nothing from the product.',
            },
          ],
        },
      ],
    },
  },
  {
    // Not restrict(): src/cli/start.ts composes the local run and starts the sandbox package.
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+web(/|$)',
              message:
                'src/cli runs in Node: it builds the web bundle as files (build-web.ts) and never imports browser code from src/web.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'tests/**',
      'bench/**',
      'scripts/**',
      'packages/m365-sandbox/tests/**',
      'packages/m365-sandbox/scripts/**',
    ],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
