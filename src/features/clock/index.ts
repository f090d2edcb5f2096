/** The response clock's app logic: scan → recognition → needs-reply → clock → list, alerts, digest, team view. */
export * from "@domain/clock/overdueSettings";
export * from "./clockDecisions";
export * from "./noReplyDecisions";
export * from "./evaluateSnapshot";
export * from "./digest";
export * from "./teamStats";
export * from "./service";
export * from "./snoozeTimes";
export * from "@ports/messageOpener";
