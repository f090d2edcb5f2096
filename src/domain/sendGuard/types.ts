import type { Address } from "@domain/model/mail";

/** What a send-time warning is about (the `kind` of the check-send command's output). */
export type WarningKind = "other-client" | "client-and-opposing" | "lookalike" | "matter-mismatch" | "attachment-other-matter";

/** The line of the draft a recipient is on. */
export type RecipientField = "to" | "cc" | "bcc";

/** A one-click fix the pane offers for a warning. */
export type WarningFix =
  | { readonly kind: "remove" }
  | { readonly kind: "replace"; readonly with: string }
  | { readonly kind: "move-to-bcc" }
  | { readonly kind: "remove-attachment"; readonly name: string };

/** One thing to check before the mail leaves: who, why in one plain sentence, and what to do about it. */
export interface SendWarning {
  readonly kind: WarningKind;
  /** The recipient's address (lower case) the warning is about. */
  readonly recipient: string;
  /** One plain sentence. */
  readonly reason: string;
  /** The known address a lookalike resembles; null for other kinds. */
  readonly suggestion: string | null;
  /** Fixes, the most fitting first. */
  readonly fixes: readonly WarningFix[];
}

/** A message as it would be sent: every recipient line, the subject, the body as text and the attachments' names. */
export interface OutgoingMail {
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  readonly bcc: readonly Address[];
  readonly subject: string;
  readonly bodyText: string;
  readonly attachmentNames: readonly string[];
}

/** What else is known about the draft than its text. */
export interface SendContext {
  /**
   * Directory ids of matters the draft is about, strongest first: the matter chosen in the pane, the matter its
   * thread was filed to. Ids the index does not know are ignored.
   */
  readonly matterIds?: readonly string[];
}
