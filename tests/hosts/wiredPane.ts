import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { configure } from "@testing-library/react";
import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import type { Capabilities } from "@shell/capabilities";
import type { CurrentItem } from "@ports/mailSource";
import type { HostEnvironment } from "@hosts/hostEnvironment";
import { baseCapabilities } from "@hosts/taskpane/buildCapabilities";
import { buildFeatures } from "@hosts/taskpane/buildFeatures";
import { createGraphSimulator, graphMessageOf } from "@simulators/graph";
import { createOfficeFake, type FakeMailItem, type OfficeFake } from "@simulators/office";

export type GraphSimulator = ReturnType<typeof createGraphSimulator>;

// A wired pane does real work before it shows things (storage, a scan through Graph, engines loaded on first use,
// slower still on a busy machine): the UI's waits get more time than Testing Library's default second.
configure({ asyncUtilTimeout: 10_000 });

/** A message in the mailbox, and the folder it is in (the inbox unless said). */
export interface MailboxMessage {
  readonly message: MailMessage;
  readonly folder?: "inbox" | "sentitems";
}

export interface WiredPaneOptions {
  /** The firm directory the pane starts with (imported on first run), or null for a pane with none yet. */
  readonly directory: Directory | null;
  /** The signed-in user, whose mailbox the Office fake and the Graph simulator share. */
  readonly me: { readonly email: string; readonly name: string };
  /** The pane's clock and the mailbox's: fixed at this time. */
  readonly now: string;
  readonly mail?: readonly (MailMessage | MailboxMessage)[];
  /** The Mailbox requirement set Outlook supports ("1.15", the newest, unless said). */
  readonly mailbox?: string;
  /** Outlook's theme (light unless said). */
  readonly theme?: "light" | "dark";
  /** The firm's shared matter record site the host configures (none unless said). */
  readonly recordSite?: string;
}

/** A task pane wired by its own builders against the Office fake, the Graph simulator and an empty IndexedDB. */
export interface WiredPane {
  /** What the pane's App gets: the first-render capabilities and every feature's, built as in Outlook. */
  readonly capabilities: Capabilities;
  readonly office: OfficeFake;
  readonly graph: GraphSimulator;
  readonly host: HostEnvironment;
  /** Every scope list the pane asked the auth port for, in order. */
  readonly tokenRequests: readonly (readonly string[])[];
  /** Outlook's item for a message of the mailbox. */
  itemOf(message: MailMessage): FakeMailItem;
  /** Selects the message in Outlook (firing ItemChanged) and returns the item as the pane reads it. */
  open(message: MailMessage): Promise<CurrentItem>;
}

/** Outlook's (EWS) id for a Graph id: the inverse of the Office fake's convertToRestId. */
const ewsIdOf = (graphId: string) => graphId.replace(/-/g, "/").replace(/_/g, "+");

/**
 * Builds the task pane the way Outlook gets it (hosts/taskpane: baseCapabilities, then buildFeatures and every
 * feature's wire.ts) over one simulated mailbox: the messages are in the Graph simulator and known to the Office fake
 * under the ids Outlook would use, and a category set through either shows in both. Storage is a fresh fake
 * IndexedDB, so each pane starts empty.
 */
export async function wirePane(options: WiredPaneOptions): Promise<WiredPane> {
  globalThis.indexedDB = new IDBFactory();
  const me = { email: options.me.email.toLowerCase(), name: options.me.name };
  const nowMs = Date.parse(options.now);
  const graph = createGraphSimulator({ signedInUser: me.email, clock: () => nowMs });
  const byMessageId = new Map<string, { item: FakeMailItem; graphId: string }>();
  const byItemId = new Map<string, string>();
  const items: FakeMailItem[] = [];
  let n = 0;
  for (const entry of options.mail ?? []) {
    const { message, folder = "inbox" } = "message" in entry ? entry : { message: entry };
    n += 1;
    const stored = graph.addMessage(me.email, folder, {
      ...graphMessageOf(message, folder),
      id: `AAMkAGtest-${String(n).padStart(4, "0")}_${folder}`,
    });
    const person = (a: { name?: string; email: string }) => ({ displayName: a.name ?? a.email, emailAddress: a.email });
    const item: FakeMailItem = {
      itemId: ewsIdOf(stored.id),
      internetMessageId: message.internetMessageId ?? undefined,
      conversationId: message.conversationId ?? undefined,
      subject: message.subject,
      from: person(message.from ?? { email: "unknown@unknown.example" }),
      to: message.to.map(person),
      cc: message.cc.map(person),
      dateTimeCreated: message.receivedAt ?? message.sentAt ?? new Date(0).toISOString(),
      bodyText: message.bodyText,
      attachments: message.attachmentNames,
    };
    items.push(item);
    byMessageId.set(message.id, { item, graphId: stored.id });
    byItemId.set(item.itemId, stored.id);
  }
  const office = createOfficeFake({
    item: null,
    userProfile: { emailAddress: me.email, displayName: me.name, timeZone: options.directory?.firm.timeZone },
    requirementSets: { mailbox: options.mailbox ?? "1.15", nestedAppAuth: true },
    theme: options.theme,
    // Outlook and Graph see one mailbox: a category set through Office shows in Graph.
    onCategoriesChanged: (itemId, categories) => {
      const graphId = byItemId.get(itemId);
      if (graphId) graph.updateMessage(me.email, graphId, { categories: [...categories] });
    },
  });
  office.controller.addItems(items);
  const tokenRequests: (readonly string[])[] = [];
  const host: HostEnvironment = {
    name: "Test",
    // ...and a category written through Graph shows in Outlook.
    graphFetch: async (input, init) => {
      const response = await graph.fetch(input, init);
      if ((init?.method ?? "GET").toUpperCase() !== "GET")
        for (const [itemId, graphId] of byItemId)
          office.controller.setCategories(itemId, graph.message(me.email, graphId)?.categories ?? []);
      return response;
    },
    now: () => new Date(nowMs),
    user: me,
    getToken: (scopes) => {
      tokenRequests.push([...scopes]);
      return Promise.resolve(`test-token:${scopes.join(" ")}`);
    },
    initialDirectory: options.directory ?? undefined,
    ...(options.recordSite ? { recordSite: options.recordSite } : {}),
  };
  const office$ = office.office;
  const capabilities: Capabilities = { ...baseCapabilities(office$, host), ...(await buildFeatures(office$, host)) };
  const itemOf = (message: MailMessage): FakeMailItem => {
    const found = byMessageId.get(message.id);
    if (!found) throw new Error(`${message.id} is not in the wired mailbox`);
    return found.item;
  };
  return {
    capabilities,
    office,
    graph,
    host,
    tokenRequests,
    itemOf,
    async open(message) {
      await office.controller.selectItem(itemOf(message));
      return capabilities.mail.currentItem();
    },
  };
}
