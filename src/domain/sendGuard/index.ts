/** The send-time confidentiality check: the compact recipient index and the check itself. */
export { checkSend } from "./checkSend";
export { serializeRecipientIndex, loadRecipientIndex, RecipientIndex, matterIdHash, INDEX_HEADER } from "./recipientIndex";
export { lookalikeOf, type Lookalike } from "./lookalike";
export { allowedEdits, editDistance, NearMissIndex } from "./nearMiss";
export { splitDomain } from "./domainParts";
export type * from "./types";
