/** Outlook (Office.js) adapters. Each takes the Office namespace so tests and the workbench can pass the fake. */
export { officeCall, officeSync, requireItem, type OfficeNamespace } from "./officeCall";
export { createOfficeMailSource, type OfficeMailSourceOptions } from "./mailSource";
export { messageFromReadItem, messageFromComposeItem, isComposeItem } from "./messageFromItem";
export { createOfficeReplyComposer, REPLY_HTML_LIMIT_BYTES, textToHtml } from "./replyComposer";
export { createOfficeItemNotifier, NOTIFICATION_MAX_CHARS, type OfficeItemNotifierOptions } from "./itemNotifier";
export { createOfficeItemCategories, officeCategoryColor } from "./itemCategories";
export { createOfficeSelectedItems } from "./selectedItems";
export { createOfficeHostSupport, requireFeature, featureRequirement } from "./hostSupport";
export { createOfficeThemeSource, readOfficeTheme } from "./themeSource";
export { createOfficeSendMatterChoice, SEND_MATTER_PROPERTY } from "./sendMatterChoice";
