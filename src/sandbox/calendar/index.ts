// Calendar: events CRUD, getSchedule, calendarView, calendarView/delta, accept /
// tentativelyAccept / decline, cancel; invitations delivered through the mail module.
// (To be built.)
import type { SandboxContext, SandboxModule } from '../context.js';
import type { TableSchema } from '../store/db.js';

export const calendarSchemas: readonly TableSchema[] = [];

export const calendarModule: SandboxModule = () => {};

/** Fills the seeded users' calendars with realistic busy time around `anchor` (YYYY-MM-DD). */
export function seedCalendars(_ctx: SandboxContext, _anchor: string): void {}

export type AttendeeAnswer = 'accept' | 'tentativelyAccept' | 'decline';
