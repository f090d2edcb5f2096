import type { MailMessage } from "@domain/model/mail";
import type { Directory } from "@domain/directory/types";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import type { FolderSyncPage, MailFolderSync } from "@ports/mailFolderSync";
import type { ScanCheckpointStore, ScanPageChange } from "@ports/scanCheckpointStore";
import { MemoryScanCheckpointStore } from "@adapters/storage/memoryScanCheckpointStore";
import type { SettingsStore } from "@ports/settingsStore";
import { identifiedMessage, addresses } from "../../fixtures/mailMessage";

export const directory: Directory = {
  firm: {
    name: "Test & Co",
    domains: ["firm.example"],
    timeZone: "Europe/London",
    workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
    holidays: [],
    matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b"],
  },
  people: [
    { id: "p1", name: "Alice Partner", email: "alice@firm.example", role: "partner" },
    { id: "p2", name: "Bob Associate", email: "bob@firm.example", role: "associate" },
  ],
  clients: [
    { id: "c1", name: "Acme Ltd", domains: ["acme.example"], contacts: [{ name: "Carol Client", email: "carol@acme.example" }] },
    { id: "c2", name: "Zed plc", domains: ["zed.example"], contacts: [{ name: "Dan Zed", email: "dan@zed.example" }] },
  ],
  matters: [
    { id: "m1", number: "2024-0012", clientId: "c1", title: "Lease renewal", status: "open", responsible: "p1" },
    { id: "m2", number: "2024-0044", clientId: "c2", title: "Supply dispute", status: "open", responsible: "p2", slaHours: 4 },
  ],
};
export const index = buildDirectoryIndex(directory);

let seq = 0;
/** A message; `from` is an address; times ISO. */
export function mail(p: {
  from: string;
  to?: string[];
  cc?: string[];
  subject: string;
  body: string;
  at: string;
  conv: string;
  id?: string;
  categories?: string[];
}): MailMessage {
  const id = p.id ?? `<m${++seq}@test>`;
  return identifiedMessage(id, {
    conversationId: p.conv,
    subject: p.subject,
    from: { email: p.from },
    to: addresses(...(p.to ?? [])),
    cc: addresses(...(p.cc ?? [])),
    sentAt: p.at,
    receivedAt: p.at,
    bodyText: p.body,
    categories: p.categories ?? [],
  });
}

type Folder = "inbox" | "sentitems";

/** An in-memory mailbox server with delta cursors: a rescan returns only what was added since. */
export function fakeSync() {
  const boxes = new Map<string, { folder: Folder; message: MailMessage; v: number }[]>();
  let version = 0;
  let requests = 0;
  const list = (mailbox: string | null) => boxes.get(mailbox ?? "me") ?? (boxes.set(mailbox ?? "me", []), boxes.get(mailbox ?? "me")!);
  const page = (mailbox: string | null, folder: Folder, since: number): FolderSyncPage => ({
    messages: list(mailbox)
      .filter((e) => e.folder === folder && e.v > since)
      .map((e) => ({ graphId: `g-${e.message.id}`, message: e.message })),
    removedIds: [],
    nextCursor: null,
    deltaCursor: JSON.stringify({ mailbox, folder, v: version }),
  });
  const sync: MailFolderSync = {
    start(mailbox, folder) {
      requests++;
      return Promise.resolve(page(mailbox, folder, 0));
    },
    resume(cursor) {
      requests++;
      const c = JSON.parse(cursor) as { mailbox: string | null; folder: Folder; v: number };
      return Promise.resolve(page(c.mailbox, c.folder, c.v));
    },
  };
  return {
    sync,
    add(mailbox: string | null, folder: Folder, ...messages: MailMessage[]) {
      for (const message of messages) list(mailbox).push({ folder, message, v: ++version });
    },
    get requests() {
      return requests;
    },
  };
}

export function memoryKv(): ScanCheckpointStore & SettingsStore {
  const data = new Map<string, unknown>();
  const scans = new MemoryScanCheckpointStore();
  return {
    load: (m: string) => scans.load(m),
    write: (m: string, f: string, c: ScanPageChange) => scans.write(m, f, c),
    clear: (m: string, f?: string) => scans.clear(m, f),
    get: (k: string) => Promise.resolve(structuredClone(data.get(k) ?? null)),
    set: (k: string, v: unknown) => {
      data.set(k, structuredClone(v));
      return Promise.resolve();
    },
    remove: (k: string) => {
      data.delete(k);
      return Promise.resolve();
    },
  };
}
