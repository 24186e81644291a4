/** The current time, injectable so tests can move it (quiet hours, due dates). */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');
export const systemClock: Clock = { now: () => new Date() };
