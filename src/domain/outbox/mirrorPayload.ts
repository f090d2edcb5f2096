import type { MirrorItem } from "@ports/mailboxMirror";

/** Payload of a "mirror" operation: the MirrorItem without its key (the operation's key is used). */
export type MirrorPayload = Omit<MirrorItem, "key">;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

/** Payload of an "unmirror" operation (an undone filing): the marks to take off the message. */
export interface UnmirrorPayload {
  readonly internetMessageId: string;
  readonly graphId: string | null;
  readonly mailbox: string | null;
  readonly removeCategories: readonly string[];
}

/** Checks an "unmirror" payload read back from storage. */
export function isUnmirrorPayload(value: unknown): value is UnmirrorPayload {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.internetMessageId === "string" &&
    (v.graphId === null || v.graphId === undefined || typeof v.graphId === "string") &&
    (v.mailbox === null || v.mailbox === undefined || typeof v.mailbox === "string") &&
    isStringArray(v.removeCategories)
  );
}

/** Checks a payload read back from storage before handing it to Graph. */
export function isMirrorPayload(value: unknown): value is MirrorPayload {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const category = v.category as Record<string, unknown> | null | undefined;
  return (
    typeof v.internetMessageId === "string" &&
    (v.graphId === null || typeof v.graphId === "string") &&
    (v.mailbox === null || typeof v.mailbox === "string") &&
    (v.matterId === null || typeof v.matterId === "string") &&
    isStringArray(v.removeCategories) &&
    typeof category === "object" &&
    category !== null &&
    typeof category.name === "string" &&
    typeof category.color === "string"
  );
}
