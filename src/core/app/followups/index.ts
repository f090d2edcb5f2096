export * from "./followUpTypes";
export * from "./followUpSettings";
export * from "./followUpService";
export * from "./eventExecutor";
