// The package's public API: what a program that composes a local environment (the product's
// `npm start`, its tests and benchmarks) needs to start the sandbox and to look inside it. Light
// entry points for code that must not load the server (SQLite, Fastify): `./config`,
// `./people`, `./trainers`, `./tls`; test helpers: `./testing` (package.json `exports`).
export { startSandbox, type Sandbox, type StartOptions } from './app.js';
export {
  readSandboxConfig,
  ZSandboxEnv,
  type DuplicateTransactionIdAnswer,
  type FaultSettings,
  type SandboxConfig,
} from './config.js';
export type { SandboxContext, SandboxUrls } from './context.js';
export {
  BERENSCHOT_TENANT,
  GRAPH_EXPLORER_APP,
  PEOPLE,
  PRODUCT_APP,
  PROVISIONING_APP,
  RIEC_TENANT,
  SANDBOX_TOOLS_APP,
  type SeedPerson,
} from './seed/people.js';
export { sandboxTrainerList, type TrainerFileEntry } from './seed/trainers.js';
export { ensureCertificateAuthority, extraCaCertsFor } from './tls/ca.js';
// Playing the other side of the tenant: a trainer answers an invitation, a mailbox is read.
export {
  respondToEvent,
  listAllAttachments,
  MAX_ATTACHMENT_BYTES,
  type AttendeeAnswer,
} from './calendar/index.js';
export { listEventsInRange } from './calendar/store.js';
export { listExternalMailboxes, listMailbox } from './mail/index.js';
export { installApp, listFeed, uninstallApp, type FeedEntry } from './teamwork/index.js';
export { RIEC_ROOT_SITE_ID } from './sharepoint/index.js';
export {
  countRoundTrips,
  countSequentialRoundTrips,
  type RequestKind,
  type RequestLogEntry,
} from './http/request-log.js';
export { DEFAULT_CLAIMS } from './identity/obo-refusal.js';
export { DB_FILE } from './store/db.js';
