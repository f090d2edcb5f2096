/** Plain-language reply suggestions. */
export { suggestReplies, firstName, DRAFT_LIMITS } from "./suggestReplies";
export { replyHtml, REPLY_HTML_LIMIT_BYTES } from "./replyHtml";
export { RESPONSE_SETS, SORRY_LINE } from "./responseSets";
export type { Facts, ResponseTemplate } from "./responseSets";
export type { Angle, Draft, KnownDate, SuggestInput } from "./types";
