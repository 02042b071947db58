// The server's notion of "now", injectable so tests can move time (token expiry, deadlines)
// without waiting or touching the system clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
