export * from "./types";
export * from "./matterLog";
export * from "./categoryName";
export * from "./snippet";
export * from "./direction";
export * from "./exportLog";
export * from "./recognitionHistory";
export * from "./entryOrder";
