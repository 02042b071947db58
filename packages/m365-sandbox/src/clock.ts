// The sandbox's clock. Tests and demos may shift it (PUT /_sandbox/clock) to see holds lapse
// or workshops pass without waiting for days.
export class SandboxClock {
  /** `offsetMs`: how far the clock starts ahead of (or behind) real time. */
  constructor(private offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Sets the clock to `at` (keeps running from there); `null` returns to real time. */
  set(at: Date | null): void {
    this.offsetMs = at === null ? 0 : at.getTime() - Date.now();
  }
}
