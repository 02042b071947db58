// How the server runs the slot extraction. Reading a mail is linear in its length and a body is
// cut at 64 KB (limits.ts MAX_BODY_CHARACTERS), but a long mail full of dates still takes hundreds of
// milliseconds (bench/RESULTS.md, "Slot extraction"): on the event loop that would hold up every
// other request. So a mail longer than a sign-up runs in a worker thread with a time budget; a
// sign-up-sized one (every mail of the corpus) runs at once, which costs a few milliseconds.
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../../app/errors.js';
import { extractSlots } from '../../../domain/slots/extract-slots.js';
import { warnMailNotRead } from '../../../domain/slots/questions.js';
import type {
  ExtractSlotsOptions,
  SignupMail,
  SlotExtraction,
} from '../../../domain/slots/types.js';
import {
  WorkerPool,
  WorkerPoolBusy,
  WorkerTaskFailed,
  WorkerTaskTimeout,
} from '../../http/worker-pool.js';

export interface ExtractionTask {
  readonly mail: SignupMail & { readonly receivedAt: string };
  readonly options: ExtractSlotsOptions;
}

/** Bodies up to this many characters (text and HTML together) are read on the event loop. */
export const INLINE_MAX_CHARACTERS = 2048;
/** A 64 KB mail takes well under a second; ten is for a machine that is very busy. */
export const EXTRACTION_BUDGET_MS = 10_000;
const MAX_WAITING = 32;

// Beside this file, as .ts from source (tsx, jest) and as .js when compiled.
const workerUrl = new URL(
  `./_extract-slots-worker${extname(fileURLToPath(import.meta.url))}`,
  import.meta.url,
);

let pool: WorkerPool<ExtractionTask, SlotExtraction> | undefined;

function extractionPool(): WorkerPool<ExtractionTask, SlotExtraction> {
  pool ??= new WorkerPool({
    url: workerUrl,
    // One core stays for the event loop.
    size: Math.min(2, Math.max(1, availableParallelism() - 1)),
    timeoutMs: EXTRACTION_BUDGET_MS,
    maxQueued: MAX_WAITING,
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  return pool;
}

const BUSY = {
  nl: 'Er worden nu veel mails tegelijk gelezen. Probeer het over een paar seconden opnieuw.',
  en: 'Many mails are being read at the moment. Try again in a few seconds.',
};

/** Nothing read, and why: the account holder fills in the form from the mail. */
function notRead(): SlotExtraction {
  const warning = warnMailNotRead();
  return { municipality: null, slots: [], questions: [warning.nl], warnings: [warning] };
}

function isOutOfMemory(error: WorkerTaskFailed): boolean {
  const cause = error.cause as { code?: unknown } | undefined;
  return cause?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

export async function extractSlotsOffLoop(task: ExtractionTask): Promise<SlotExtraction> {
  const size = (task.mail.text?.length ?? 0) + (task.mail.html?.length ?? 0);
  if (size <= INLINE_MAX_CHARACTERS) return extractSlots(task.mail, task.options);
  try {
    return await extractionPool().run(task);
  } catch (error) {
    if (error instanceof WorkerTaskTimeout) return notRead();
    if (error instanceof WorkerTaskFailed && isOutOfMemory(error)) return notRead();
    if (error instanceof WorkerPoolBusy) {
      throw new AppError('RATE_LIMITED', {
        cause: error,
        logMessage: 'slot extraction: every worker is busy and the queue is full',
        detail: BUSY,
        retryAfterSeconds: 5,
      });
    }
    throw error;
  }
}

/** Stops the workers (tests; a server process simply exits). */
export async function closeSlotExtraction(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}
