// JSON batching: POST /v1.0/$batch (to be built).
import type { SandboxModule } from '../context.js';

export const batchModule: SandboxModule = () => {};
