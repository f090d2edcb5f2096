import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { MatterLog, categoryResolver } from "@domain/matterLog";
import { createDirectoryProvider } from "@domain/directory/directoryProvider";
import { createPaneRecognizer } from "@domain/recognition/paneRecognition";
import { MemoryDirectoryStore, MemoryFilingHistoryStore, MemoryMatterLogStore, MemoryOutboxStore } from "@adapters/storage/memoryStores";
import { identifiedMessage } from "../../fixtures/mailMessage";

/** An invented firm: two clients, three matters (two for one client, one closed). */
export const directory: Directory = {
  firm: {
    name: "Quill & Ash",
    domains: ["quill.test"],
    timeZone: "UTC",
    workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
    holidays: [],
    matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b", "\\b[A-Z]{2,4}/\\d{4}\\b"],
  },
  people: [
    { id: "p1", name: "Rosa Quill", email: "rosa@quill.test", role: "partner" },
    { id: "p2", name: "Tom Ash", email: "tom@quill.test", role: "associate" },
  ],
  clients: [
    { id: "k1", name: "Marlow Foods", domains: ["marlow.test"], contacts: [{ name: "Ivy Marlow", email: "ivy@marlow.test" }] },
    { id: "k2", name: "Oakridge Trust", domains: [], contacts: [{ name: "Ben Oak", email: "ben.oak@mail.test" }] },
  ],
  matters: [
    {
      id: "x1",
      number: "2026-0101",
      clientId: "k1",
      title: "Warehouse lease renewal",
      status: "open",
      responsible: "p1",
      team: ["p2"],
      aliases: ["RQ/0101"],
      keywords: ["warehouse"],
      slaHours: 24,
      opposing: [{ name: "Rival Estates", domains: ["rival.test"] }],
    },
    {
      id: "x2",
      number: "2026-0102",
      clientId: "k1",
      title: "Supplier contract dispute",
      status: "open",
      responsible: "p2",
      aliases: ["RQ/0102"],
    },
    { id: "x3", number: "2025-0950", clientId: "k2", title: "Trust deed variation", status: "closed", responsible: "p1" },
  ],
};

let n = 0;

/** A message; override any field. */
export function mail(overrides: Partial<MailMessage> = {}): MailMessage {
  n += 1;
  return identifiedMessage(`<m${n}@test>`, {
    conversationId: `conv-${n}`,
    subject: "Hello",
    from: { name: "Ivy Marlow", email: "ivy@marlow.test" },
    to: [{ name: "Rosa Quill", email: "rosa@quill.test" }],
    sentAt: "2026-03-02T10:00:00.000Z",
    receivedAt: "2026-03-02T10:00:00.000Z",
    bodyText: "Hello Rosa",
    ...overrides,
  });
}

/** A provider with the fixture directory stored, plus a matter log over memory stores. */
export async function setup() {
  const store = new MemoryDirectoryStore();
  const provider = createDirectoryProvider(store);
  await provider.replace(directory, "2026-03-01T00:00:00.000Z");
  const outbox = new MemoryOutboxStore();
  const logStore = new MemoryMatterLogStore();
  const history = new MemoryFilingHistoryStore();
  const log = new MatterLog({
    log: logStore,
    history,
    outbox,
    categoryFor: categoryResolver(directory),
    firmDomains: directory.firm.domains,
  });
  // The pane's one recognizer over the same stores, as hosts/context.ts builds it (no mailbox here).
  const recognizer = createPaneRecognizer({
    directory: () => provider.current(),
    me: ["rosa@quill.test"],
    history,
    log: logStore,
    outbox,
    now: () => new Date("2026-03-05T12:00:00Z"),
  });
  return { store, provider, log, outbox, recognizer };
}
