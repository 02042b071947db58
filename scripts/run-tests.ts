// Runs every jest project with what the suites need from the environment:
// - the sandbox CA trusted through NODE_EXTRA_CA_CERTS (Node reads it only at start-up, so the
//   CA must exist before jest starts), for msal-node and the Graph client over HTTPS;
// - a time zone that is not UTC (STYLE.md), so code that forgets Europe/Amsterdam fails loudly;
// - native ES modules in jest (--experimental-vm-modules);
// - a JSON report that .ci/run reads for its summary line;
// - room for the heap: on a 2-core machine jest runs every suite in its own process (maxWorkers
//   1 means in band), and the ES-module registries of ~150 suites outgrew Node's default ~4 GB
//   near the end of the run (a CI run died of "heap out of memory" after 1,449 s).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureCertificateAuthority, extraCaCertsFor } from '@workshopplanner/m365-sandbox/tls';

const dataDir = resolve(process.env.SANDBOX_DATA_DIR ?? '.data/sandbox');
const ca = ensureCertificateAuthority(join(dataDir, 'ca'));
const reportPath = resolve('.data/test-report.json');
mkdirSync(resolve('.data'), { recursive: true });

const result = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--max-old-space-size=8192',
    '--no-warnings=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    '--json',
    `--outputFile=${reportPath}`,
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'Asia/Kathmandu', NODE_EXTRA_CA_CERTS: extraCaCertsFor(ca) },
  },
);
process.exit(result.status ?? 1);
