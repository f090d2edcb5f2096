/** Opens a message that is not the one being read (Outlook: `displayMessageForm`), so the user can reply to it. */
export interface MessageOpener {
  /** `restId` is the message's Graph (REST) id; `mailbox` its shared mailbox, null for the user's own. */
  open(restId: string, mailbox: string | null): Promise<void>;
}
