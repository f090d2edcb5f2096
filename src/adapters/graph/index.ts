/** Microsoft Graph adapter: the client with our middleware chain, and the port implementations built on it. */
export { createGraphClient, withQuickReads, MAX_BATCH } from "./graphClient";
export { createNetworkWatch, type NetworkWatch } from "./networkWatch";
export type { GraphClient, GraphClientOptions, GraphCall, BatchStep, BatchResult, FetchLike } from "./graphClient";
export { createGraphMailboxMirror } from "./graphMailboxMirror";
export { createGraphMessageReader } from "./graphMessageReader";
export { createGraphMailboxMarks, MAILBOX_READ_TIMEOUT_MS } from "./graphMailboxMarks";
export { createGraphFolderSync } from "./graphFolderSync";
export { createGraphCalendarWriter, createGraphSeriesWriter } from "./graphCalendarWriter";
export { createGraphMailSender } from "./graphMailSender";
export { createGraphMailboxSettingsReader } from "./graphMailboxSettingsReader";
export { createGraphDirectoryFileReader, encodeSharingUrl } from "./graphDirectoryFileReader";
export { createGraphCategoryFlagWriter } from "./graphCategoryFlagWriter";
export { toMailMessage } from "./graphMessageMapper";
export { mapGraphError, isDeltaReset } from "./graphErrors";
export { MATTER_PROPERTY_ID, MATTER_PROPERTY_GUID, NO_REPLY_CATEGORY, NO_REPLY_PROPERTY_ID, OVERDUE_CATEGORY } from "./matterProperty";
export { ScopesOption } from "./graphMiddleware";
