// Inspector: plain pages per seeded user with calendar week view and inbox (to be built).
import type { SandboxModule } from '../context.js';

export const inspectorModule: SandboxModule = () => {};
