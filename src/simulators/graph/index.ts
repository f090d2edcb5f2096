/** The Graph simulator: import from here in tests and in the workbench. */
export { createGraphSimulator, encodeSharingUrl, BATCH_LIMIT, mulberry32 } from "./graphSimulator";
export type { GraphSimulator, GraphSimulatorOptions, FaultMatcher, DeltaExpiry } from "./graphSimulator";
export type * from "./types";
export { graphMessageOf } from "./messageShape";
