import type { MirrorItem } from "@ports/mailboxMirror";

/** Payload of a "mirror" operation: the MirrorItem without its key (the operation's key is used). */
export type MirrorPayload = Omit<MirrorItem, "key">;

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
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
