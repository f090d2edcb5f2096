export * from "./types";
export * from "./backoff";
export * from "./queue";
export * from "./drain";
export * from "./mirrorPayload";
