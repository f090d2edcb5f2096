/** The time source. Core never reads the clock: entry points pass `now` down, taken from this port. */
export interface Clock {
  now(): Date;
}
