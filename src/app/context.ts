// What every use case receives: Microsoft 365 for this caller, the clock, ids, the caller's
// access and the process state.
import { randomUUID } from 'node:crypto';
import type { Municipality } from '../domain/municipalities.js';
import type { Microsoft365 } from '../domain/ports.js';
import type { Access } from './access.js';
import type { PlanningDeps } from './apply-command.js';
import type { AppState } from './app-state.js';

export interface UseCaseContext extends PlanningDeps {
  readonly access: Access;
  readonly state: AppState;
  /**
   * The municipalities register the dashboard's read counts (issue 13 leftovers, item 1);
   * absent: the 44 of Noord-Holland (MUNICIPALITIES). Benches pass a larger one.
   */
  readonly register?: readonly Municipality[];
}

export function createUseCaseContext(input: {
  m365: Microsoft365;
  access: Access;
  state: AppState;
  now?: () => Date;
  newId?: () => string;
  register?: readonly Municipality[];
}): UseCaseContext {
  return {
    m365: input.m365,
    access: input.access,
    state: input.state,
    now: input.now ?? (() => new Date()),
    newId: input.newId ?? randomUUID,
    ...(input.register ? { register: input.register } : {}),
  };
}
