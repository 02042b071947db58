// Settings of the sandbox, read once from the environment (documented in .env.sample).
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');
const rate = z.coerce.number().min(0).max(1);

export const ZSandboxEnv = z.object({
  SANDBOX_HOST: z.string().default('localhost'),
  SANDBOX_HTTPS_PORT: z.coerce.number().int().min(0).max(65535).default(5443),
  SANDBOX_DATA_DIR: z.string().default('.data/sandbox'),
  SANDBOX_FREEBUSY_SHARING: flag.default(false),
  SANDBOX_DUPLICATE_TRANSACTION_ID: z.enum(['returnExisting', 'error']).default('returnExisting'),
  SANDBOX_FAULT_429_RATE: rate.default(0),
  SANDBOX_FAULT_503_RATE: rate.default(0),
  SANDBOX_FAULT_RETRY_AFTER_SECONDS: z.coerce.number().int().min(0).max(120).default(1),
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  SANDBOX_PART_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  SANDBOX_MAILBOX_CONCURRENCY: z.coerce.number().int().min(0).max(100).default(4),
  SANDBOX_FAULT_SEED: z.coerce.number().int().default(1),
  SANDBOX_USER_PASSWORD: z.string().min(1).default('workshop'),
  // Set by npm start from SANDBOX_TODAY (the same offset for the sandbox and the server).
  SANDBOX_CLOCK_OFFSET_MS: z.coerce.number().int().default(0),
  SANDBOX_SEED_DATE: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

export interface FaultSettings {
  /** Share of Graph requests answered 429 with Retry-After (0–1). */
  rate429: number;
  /** Share of Graph requests answered 503 with Retry-After (0–1). */
  rate503: number;
  retryAfterSeconds: number;
  /** Added latency per HTTP request (a $batch is one request). */
  latencyMs: number;
  /**
   * Server time of each part of a $batch, spent while it holds its mailbox slot (0 = none): with
   * it, parts to one mailbox overlap as they do in Exchange and meet the concurrency limit.
   */
  partLatencyMs: number;
  /** Concurrent requests per app and mailbox before 429 (Graph: 4); 0 = no limit. */
  mailboxConcurrency: number;
  /** Seed of the pseudo-random fault sequence, so a run can be repeated. */
  seed: number;
}

export type DuplicateTransactionIdAnswer = 'returnExisting' | 'error';

export interface SandboxConfig {
  host: string;
  /** The one port the sandbox listens on, for HTTPS and plain HTTP alike. */
  httpsPort: number;
  /** Folder for the SQLite file; `:memory:` keeps everything in memory (tests). */
  dataDir: string;
  /** Folder of the local CA (trusted by clients through NODE_EXTRA_CA_CERTS). */
  caDir: string;
  /** Whether the RIEC organisation sees Berenschot calendars in getSchedule (federation). */
  freeBusySharing: boolean;
  /**
   * What an identical repeat of an event POST with a used transactionId gets: the original
   * event, or 400 ErrorDuplicateTransactionId as Graph answers code written against it (what an
   * identical retry returns is not documented; a different body is always the error).
   */
  duplicateTransactionId: DuplicateTransactionIdAnswer;
  faults: FaultSettings;
  userPassword: string;
  /** The day the seeded calendars are built around (default: today). */
  seedDate: string | undefined;
  /** How far the sandbox's clock runs ahead of real time from the start (0 = real time). */
  clockOffsetMs: number;
}

export function readSandboxConfig(env: NodeJS.ProcessEnv = process.env): SandboxConfig {
  const parsed = ZSandboxEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Sandbox setting ${String(issue?.path[0])} is invalid: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    host: e.SANDBOX_HOST,
    httpsPort: e.SANDBOX_HTTPS_PORT,
    dataDir: e.SANDBOX_DATA_DIR,
    caDir: `${e.SANDBOX_DATA_DIR}/ca`,
    freeBusySharing: e.SANDBOX_FREEBUSY_SHARING,
    duplicateTransactionId: e.SANDBOX_DUPLICATE_TRANSACTION_ID,
    faults: {
      rate429: e.SANDBOX_FAULT_429_RATE,
      rate503: e.SANDBOX_FAULT_503_RATE,
      retryAfterSeconds: e.SANDBOX_FAULT_RETRY_AFTER_SECONDS,
      latencyMs: e.SANDBOX_LATENCY_MS,
      partLatencyMs: e.SANDBOX_PART_LATENCY_MS,
      mailboxConcurrency: e.SANDBOX_MAILBOX_CONCURRENCY,
      seed: e.SANDBOX_FAULT_SEED,
    },
    userPassword: e.SANDBOX_USER_PASSWORD,
    seedDate: e.SANDBOX_SEED_DATE,
    clockOffsetMs: e.SANDBOX_CLOCK_OFFSET_MS,
  };
}
