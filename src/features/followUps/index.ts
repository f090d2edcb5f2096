export * from "./followUpTypes";
export * from "./followUpSettings";
export * from "./service";
export * from "./eventExecutor";
