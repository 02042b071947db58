// `npm test --workspace @workshopplanner/m365-sandbox`: the sandbox's jest suites on their own,
// with what they need from the environment (the repository's scripts/run-tests.ts does the same
// for every project, this one included):
// - the local CA trusted through NODE_EXTRA_CA_CERTS (Node reads it only at start-up, so the CA
//   must exist before jest starts), for msal-node and the Graph client over HTTPS;
// - a time zone that is not UTC, so code that forgets a zone fails loudly;
// - native ES modules in jest (--experimental-vm-modules).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { ensureCertificateAuthority, extraCaCertsFor } from '../src/tls/ca.js';

const dataDir = resolve(process.env.SANDBOX_DATA_DIR ?? '.data/sandbox');
const ca = ensureCertificateAuthority(join(dataDir, 'ca'));
const jest = createRequire(import.meta.url).resolve('jest/bin/jest');

const result = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    jest,
    '--config',
    resolve(import.meta.dirname, '../jest.config.js'),
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'Asia/Kathmandu', NODE_EXTRA_CA_CERTS: extraCaCertsFor(ca) },
  },
);
process.exit(result.status ?? 1);
