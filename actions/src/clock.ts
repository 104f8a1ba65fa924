/** Where handlers get the time from, so tests can move it (lockout windows, token expiry, session lifetimes). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
