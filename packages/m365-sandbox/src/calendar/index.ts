// Calendar: events CRUD, getSchedule, calendarView, calendarView/delta, accept /
// tentativelyAccept / decline, cancel; invitations, updates, cancellations and answers are
// delivered through the mail module. Routes are registered under /v1.0 by app.ts.
import type { SandboxModule } from '../context.js';
import type { TableSchema } from '../store/db.js';
import { attachmentSchema, registerAttachmentRoutes } from './attachments.js';
import { registerCalendarViewRoutes } from './calendar-view.js';
import { registerEventRoutes } from './events-routes.js';
import { registerResponseRoutes } from './responses.js';
import { registerScheduleRoutes } from './schedule.js';
import { calendarSchema } from './store.js';

export const calendarSchemas: readonly TableSchema[] = [calendarSchema, attachmentSchema];

export const calendarModule: SandboxModule = (app, ctx) => {
  registerEventRoutes(app, ctx);
  registerAttachmentRoutes(app, ctx);
  registerResponseRoutes(app, ctx);
  registerCalendarViewRoutes(app, ctx);
  registerScheduleRoutes(app, ctx);
};

export { seedCalendars } from './seed.js';
export { respondToEvent, type RespondOptions, type RespondResult } from './responses.js';
export { findCalendarItem, listCalendarWeek, type CalendarItem } from './inspection.js';
export type { AttendeeAnswer } from './types.js';
export { listAllAttachments, MAX_ATTACHMENT_BYTES } from './attachments.js';
