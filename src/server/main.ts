// Entry point of the Workshopplanner server (`npm start` starts it through src/cli/start.ts).
import { buildServer } from './build-server.js';
import { readEnv } from './env.js';

const env = readEnv();
const app = await buildServer({ env });
const address = await app.listen({ host: env.HOST, port: env.PORT });
const port = new URL(address).port;
console.log(`Workshopplanner: http://${env.HOST}:${port}`);
console.log('server ready');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
