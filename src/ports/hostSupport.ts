/** Host features Matterline degrades without, each tied to an Office requirement set. */
export type HostFeature =
  | "pinning" // ItemChanged, Mailbox 1.5
  | "categories" // item and master categories, Mailbox 1.8
  | "on-send" // OnMessageSend launch event, Mailbox 1.12
  | "multi-select" // getSelectedItemsAsync, Mailbox 1.13
  | "load-item" // loadItemByIdAsync, Mailbox 1.15
  | "nested-app-auth"; // NestedAppAuth 1.1

/** What the running Outlook can do, and the id conversion Graph needs. */
export interface HostSupport {
  /** Highest Mailbox requirement set supported, e.g. "1.9" on LTSC Outlook 2021. */
  mailboxVersion(): string;
  supports(feature: HostFeature): boolean;
  /** Turns a host (EWS) item id into the REST id Graph expects. */
  toRestId(itemId: string): string;
}
