/** What a message asks of the firm (shared by the response clock and the reply suggestions). */
export type Intent =
  | "status_request"
  | "document_request"
  | "documents_sent"
  | "scheduling"
  | "billing_question"
  | "complaint"
  | "thanks_ack"
  | "urgent_deadline"
  | "new_matter_inquiry"
  | "auto_reply"
  | "other";

/**
 * Every intent. Kept readings of scanned mail name an intent by its place here: add new ones at the end, and raise
 * `BODY_FACTS_VERSION` if one moves or goes.
 */
export const INTENTS: readonly Intent[] = [
  "status_request",
  "document_request",
  "documents_sent",
  "scheduling",
  "billing_question",
  "complaint",
  "thanks_ack",
  "urgent_deadline",
  "new_matter_inquiry",
  "auto_reply",
  "other",
];
