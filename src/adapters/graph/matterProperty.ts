/**
 * Our single-value extended property on messages. The GUID is Matterline's own namespace: fixed forever, because
 * every device and colleague reads the matter id back through it.
 */
export const MATTER_PROPERTY_GUID = "6b1f3b2a-8c4d-4e5f-9a7b-0c1d2e3f4a5b";
export const MATTER_PROPERTY_ID = `String {${MATTER_PROPERTY_GUID}} Name MatterId`;

/** `$expand` that returns only our property (Graph returns no extended properties unless expanded). */
export const EXPAND_MATTER_PROPERTY = `singleValueExtendedProperties($filter=id eq '${MATTER_PROPERTY_ID}')`;

/**
 * Our "no reply needed" property, in the same namespace: "true" while a decision taken in Matterline holds, "" once
 * undone. Written with the category through the outbox; the clock trusts it, not the category.
 */
export const NO_REPLY_PROPERTY_ID = `String {${MATTER_PROPERTY_GUID}} Name NoReplyNeeded`;

/**
 * `$expand` for the overdue scan's delta query: both our properties in the same request, so the scan costs no extra
 * request (message delta takes `$expand`: learn.microsoft.com/graph/api/message-delta, "OData query parameters";
 * an extended property is read with `$expand` and a `$filter` on its id:
 * learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get).
 */
export const EXPAND_SCAN_PROPERTIES = `singleValueExtendedProperties($filter=id eq '${MATTER_PROPERTY_ID}' or id eq '${NO_REPLY_PROPERTY_ID}')`;

/** The Outlook category that marks client mail with an overdue reply. */
export const OVERDUE_CATEGORY = { name: "Overdue reply", color: "preset0" } as const;

/** The Outlook category that shares "no reply needed" on client mail with colleagues and the user's other devices. */
export const NO_REPLY_CATEGORY = { name: "No reply needed", color: "preset12" } as const;
