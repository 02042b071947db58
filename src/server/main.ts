// Entry point of the Workshopplanner server (`npm start` starts it through src/cli/start.ts).
import { buildServer } from './build-server.js';
import { readServerEnv, type Env } from './env.js';

let env: Env;
try {
  env = readServerEnv();
} catch (error) {
  // An operator's message (which settings to fix), not a stack trace.
  console.error((error as Error).message);
  process.exit(1);
}
// With the sandbox's "today" (SANDBOX_TODAY), the server's clock keeps the sandbox's pace.
const offsetMs = env.SANDBOX_CLOCK_OFFSET_MS;
const app = await buildServer({
  env,
  ...(offsetMs !== 0 ? { clock: { now: () => new Date(Date.now() + offsetMs) } } : {}),
});
const address = await app.listen({ host: env.HOST, port: env.PORT });
const port = new URL(address).port;
console.log(`Workshopplanner: http://${env.HOST}:${port}`);
console.log('server ready');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
