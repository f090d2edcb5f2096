export * from "./msalTokenProvider";
export * from "./requirements";
export * from "./authErrors";
export * from "./dialogFallback";
export * from "./authDialogPage";
export * from "./signInGate";
