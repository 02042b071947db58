// What the use cases keep between requests in one server process. None of it is the system of
// record (Microsoft 365 is): losing it on a restart costs round trips, never data.
import type { SignupId } from '../domain/ids.js';
import type {
  CampaignStore,
  StoredCampaign,
  StoredSignup,
  TrainerDirectory,
  TrainerEntry,
} from '../domain/ports.js';

/** The last version of each sign-up this process saw, for speculative parallel reads. */
export class SignupCache {
  private readonly entries = new Map<SignupId, { stored: StoredSignup; at: number }>();

  constructor(private readonly ttlMs = 10 * 60 * 1000) {}

  remember(stored: StoredSignup, now = Date.now()): void {
    this.entries.set(stored.signup.id, { stored, at: now });
  }

  recall(id: SignupId, now = Date.now()): StoredSignup | undefined {
    const entry = this.entries.get(id);
    return entry && now - entry.at < this.ttlMs ? entry.stored : undefined;
  }
}

/** The trainer pool changes rarely: read it at most every few minutes. */
export class TrainerCache {
  private value: { trainers: readonly TrainerEntry[]; at: number } | undefined;

  constructor(private readonly ttlMs = 5 * 60 * 1000) {}

  async get(directory: TrainerDirectory, now = Date.now()): Promise<readonly TrainerEntry[]> {
    if (this.value && now - this.value.at < this.ttlMs) return this.value.trainers;
    const trainers = await directory.listTrainers();
    this.value = { trainers, at: now };
    return trainers;
  }

  clear(): void {
    this.value = undefined;
  }
}

/**
 * Per organizer mailbox, the calendarView/delta link this process last synced to. The cursor
 * itself lives in Microsoft 365 (DeltaCursorStore); this copy spares reading it before every
 * sync. It can be older than the stored one (another instance synced meanwhile), which only
 * means reading again changes that are already stored.
 */
export class DeltaCursors {
  private readonly cursors = new Map<string, string | null>();

  /** The cursor, null for "sync from scratch", undefined when this process does not know. */
  get(organizer: string): string | null | undefined {
    return this.cursors.get(organizer.toLowerCase());
  }

  set(organizer: string, cursor: string | null): void {
    this.cursors.set(organizer.toLowerCase(), cursor);
  }
}

/**
 * The editions of the campaign, read at most every half minute (every use case needs the
 * current one); an edit through this process forgets them at once, another instance's edit
 * shows within the half minute.
 */
export class CampaignCache {
  private value: { campaigns: readonly StoredCampaign[]; at: number } | undefined;

  constructor(private readonly ttlMs = 30 * 1000) {}

  async get(store: CampaignStore, now = Date.now()): Promise<readonly StoredCampaign[]> {
    // A clock set back (the sandbox's) makes the copy stale too.
    if (this.value && Math.abs(now - this.value.at) < this.ttlMs) return this.value.campaigns;
    const campaigns = await store.list();
    this.value = { campaigns, at: now };
    return campaigns;
  }

  clear(): void {
    this.value = undefined;
  }
}

export interface AppState {
  readonly signups: SignupCache;
  readonly campaigns: CampaignCache;
  readonly trainers: TrainerCache;
  readonly deltaCursors: DeltaCursors;
  /** Organizer mailboxes with holds or workshops whose answers can still change. */
  readonly organizers: Set<string>;
}

export function createAppState(): AppState {
  return {
    signups: new SignupCache(),
    campaigns: new CampaignCache(),
    trainers: new TrainerCache(),
    deltaCursors: new DeltaCursors(),
    organizers: new Set(),
  };
}
