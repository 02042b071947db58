// Entry point of the sandbox as a service of its own: `npm start` in this package (`npm run
// sandbox` in the repository), and `npm run reset` (`npm run sandbox:reset`: restore the seed
// and exit).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox } from './app.js';
import { readSandboxConfig } from './config.js';
import { DB_FILE } from './store/db.js';

const config = readSandboxConfig();

if (process.argv.includes('--reset-only')) {
  for (const suffix of ['', '-wal', '-shm'])
    rmSync(join(config.dataDir, DB_FILE + suffix), { force: true });
  // Starting on an empty database seeds it; the keys are new, so old tokens stop working.
  const sandbox = await startSandbox({ ...config, httpsPort: 0 });
  await sandbox.close();
  console.log(`Sandbox teruggezet naar de beginsituatie (${join(config.dataDir, DB_FILE)}).`);
  process.exit(0);
}

const sandbox = await startSandbox(config, { logger: process.env.SANDBOX_LOG === 'true' });
console.log(
  `Microsoft 365-sandbox: ${sandbox.urls.https}  (Graph: ${sandbox.urls.https}/v1.0, ook via ${sandbox.urls.http})`,
);
console.log(`  inspector: ${sandbox.urls.http}/inspector`);
console.log(`  vertrouw de lokale CA met NODE_EXTRA_CA_CERTS=${sandbox.ctx.config.caDir}/ca.pem`);
console.log('sandbox ready');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
