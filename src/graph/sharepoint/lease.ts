// The lease of the background cycle on the state list (sync-state.ts): one item, "lease|
// achtergrondtaak", whose Waarde is the holder and VerlooptOp the end of its term. Taken or
// renewed with If-Match on the version read, so of two instances that try at once one wins
// (412 for the other) — and created with the unique key, so of two first takers one wins
// (409). The holder remembers the version it wrote: renewing is one request.
import type { CycleLease } from '../../domain/ports.js';
import type { SharePointSyncState, StateItem } from './sync-state.js';

const LEASE_KEY = 'achtergrondtaak';

function isHeldByOther(item: StateItem, holder: string, now: Date): boolean {
  if (item.value === null || item.value === holder) return false;
  const expires = item.expiresAt ? Date.parse(item.expiresAt) : Number.NaN;
  return Number.isFinite(expires) && expires > now.getTime();
}

export function sharePointCycleLease(state: SharePointSyncState): CycleLease {
  /** The item as this instance last wrote it, while it holds the lease. */
  let held: StateItem | undefined;

  const write = async (current: StateItem | undefined, holder: string, until: Date) => {
    const outcome = await state.write('lease', LEASE_KEY, current, {
      value: holder,
      expiresAt: until.toISOString(),
    });
    held = outcome === 'conflict' ? undefined : outcome.item;
    return held !== undefined;
  };

  return {
    async acquire(holder, now, until) {
      // Renewing: guarded by the version this instance wrote; a 412 means someone took it over.
      if (held?.value === holder && (await write(held, holder, until))) return true;
      const current = await state.read('lease', LEASE_KEY);
      if (current && isHeldByOther(current, holder, now)) return false;
      return write(current, holder, until);
    },
    async release(holder, now) {
      if (held?.value !== holder) return;
      const item = held;
      held = undefined;
      // Ends the term now; a 412 means another instance has it already, which is just as good.
      await state.write('lease', LEASE_KEY, item, { value: holder, expiresAt: now.toISOString() });
    },
  };
}
