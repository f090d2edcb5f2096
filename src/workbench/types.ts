import type { MailMessage } from "@domain/model/mail";

export type FolderId = "inbox" | "sentitems";

/** One message of the simulated mailbox, as the list and reading pane show it. */
export interface WorkbenchMessage {
  /** EWS-style id the Office fake hands the pane. */
  readonly itemId: string;
  /** Id of the same message in the Graph simulator. */
  readonly graphId: string;
  readonly folder: FolderId;
  readonly message: MailMessage;
}
