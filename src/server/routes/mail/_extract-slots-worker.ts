// The worker thread of POST /api/extract-slots (see _slot-extraction.ts): the pure extraction,
// away from the server's event loop.
import { extractSlots } from '../../../domain/slots/extract-slots.js';
import { serveWorkerTasks } from '../../http/worker-pool.js';
import type { ExtractionTask } from './_slot-extraction.js';

serveWorkerTasks((task: ExtractionTask) => extractSlots(task.mail, task.options));
