import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { createGraphSimulator } from "@simulators/graph";
import { createOfficeFake } from "@simulators/office";
import { createPaneContext, type PaneContext } from "@hosts/context";
import type { HostEnvironment } from "@hosts/hostEnvironment";
import { buildOverdue } from "@features/clock/wire";
import { buildMatters } from "@features/matters/wire";
import { createGraphMessageReader } from "@adapters/graph";
import { DEFAULT_OVERDUE_SETTINGS } from "@domain/clock/overdueSettings";
import type { Directory } from "@domain/directory/types";
import type { ClockState } from "@domain/clock/responseClock";

const ME = "alice@firm.example";
const NOW = "2025-08-26T15:30:00Z"; // a Tuesday

/** Three matters whose deadlines come from each source in turn: the matter's, the client's, the user's setting. */
const directory: Directory = {
  firm: {
    name: "Test & Co",
    domains: ["firm.example"],
    timeZone: "Europe/London",
    workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
    holidays: [],
    matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b"],
  },
  people: [
    { id: "p1", name: "Alice Partner", email: ME, role: "partner" },
    { id: "p2", name: "Bob Associate", email: "bob@firm.example", role: "associate" },
  ],
  clients: [
    { id: "c1", name: "Acme Ltd", domains: ["acme.example"], contacts: [{ name: "Carol Client", email: "carol@acme.example" }] },
    { id: "c2", name: "Zed plc", domains: ["zed.example"], contacts: [{ name: "Dan Zed", email: "dan@zed.example" }], slaHours: 30 },
  ],
  matters: [
    { id: "m1", number: "2024-0012", clientId: "c1", title: "Lease renewal", status: "open", responsible: "p1", slaHours: 4 },
    { id: "m2", number: "2024-0044", clientId: "c2", title: "Supply dispute", status: "open", responsible: "p2" },
    { id: "m3", number: "2024-0050", clientId: "c1", title: "Licence", status: "open", responsible: "p1" },
  ],
};

interface Seed {
  readonly id: string;
  readonly folder: "inbox" | "sentitems";
  readonly from: string;
  readonly to: string[];
  readonly cc?: string[];
  readonly subject: string;
  readonly body: string;
  readonly at: string;
  readonly conv: string;
}

/** Client mail over a week (a weekend in it), answered on time, late, by a colleague who copied the owner, or not yet. */
const MAIL: readonly Seed[] = [
  // m1 (its own 4 h)
  {
    id: "a",
    folder: "inbox",
    from: "carol@acme.example",
    to: [ME],
    subject: "Lease 2024-0012",
    body: "Can you send the draft?",
    at: "2025-08-26T13:00:00Z",
    conv: "k-a",
  },
  {
    id: "b",
    folder: "inbox",
    from: "carol@acme.example",
    to: [ME],
    subject: "2024-0012 keys",
    body: "When do I get the keys?",
    at: "2025-08-25T09:00:00Z",
    conv: "k-b",
  },
  {
    id: "b-r",
    folder: "sentitems",
    from: ME,
    to: ["carol@acme.example"],
    subject: "RE: 2024-0012 keys",
    body: "Friday.",
    at: "2025-08-25T15:00:00Z",
    conv: "k-b",
  },
  // m2 (the client's 30 h)
  {
    id: "c",
    folder: "inbox",
    from: "dan@zed.example",
    to: [ME],
    subject: "Supply 2024-0044",
    body: "Could you call me back?",
    at: "2025-08-22T16:00:00Z",
    conv: "k-c",
  },
  {
    id: "d",
    folder: "inbox",
    from: "dan@zed.example",
    to: [ME],
    subject: "Invoices 2024-0044",
    body: "Please check the invoices.",
    at: "2025-08-26T08:00:00Z",
    conv: "k-d",
  },
  {
    id: "d-r",
    folder: "inbox",
    from: "bob@firm.example",
    to: ["dan@zed.example"],
    cc: [ME],
    subject: "RE: Invoices 2024-0044",
    body: "Done.",
    at: "2025-08-26T10:00:00Z",
    conv: "k-d",
  },
  // m3 (the user's setting)
  {
    id: "e",
    folder: "inbox",
    from: "carol@acme.example",
    to: [ME],
    subject: "Licence 2024-0050",
    body: "Can we meet on Thursday?",
    at: "2025-08-26T12:00:00Z",
    conv: "k-e",
  },
  {
    id: "f",
    folder: "inbox",
    from: "carol@acme.example",
    to: [ME],
    subject: "Licence terms 2024-0050",
    body: "What do you think of clause 2?",
    at: "2025-08-23T10:00:00Z",
    conv: "k-f",
  },
  {
    id: "f-r",
    folder: "sentitems",
    from: ME,
    to: ["carol@acme.example"],
    subject: "RE: Licence terms 2024-0050",
    body: "Fine.",
    at: "2025-08-25T11:00:00Z",
    conv: "k-f",
  },
];

let open: PaneContext | null = null;
afterEach(async () => {
  open?.db.close();
  open = null;
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase("matterline");
    req.onsuccess = req.onerror = () => resolve();
  });
});

/** The real pane: IndexedDB (fake-indexeddb), the Graph simulator and the Office fake behind the features' own wiring. */
async function pane() {
  const sim = createGraphSimulator({ signedInUser: ME, clock: () => Date.parse(NOW) });
  for (const m of MAIL) {
    sim.addMessage(ME, m.folder, {
      id: `g-${m.id}`,
      internetMessageId: `<${m.id}@test>`,
      conversationId: m.conv,
      subject: m.subject,
      from: { emailAddress: { address: m.from } },
      toRecipients: m.to.map((address) => ({ emailAddress: { address } })),
      ccRecipients: (m.cc ?? []).map((address) => ({ emailAddress: { address } })),
      receivedDateTime: m.at,
      sentDateTime: m.at,
      body: { contentType: "text", content: m.body },
    });
  }
  const host: HostEnvironment = {
    name: "Test",
    graphFetch: sim.fetch,
    now: () => new Date(NOW),
    user: { email: ME, name: "Alice Partner" },
    getToken: () => Promise.resolve("token"),
    initialDirectory: directory,
  };
  const { office } = createOfficeFake();
  const ctx = await createPaneContext(office, host);
  open = ctx;
  const overdue = buildOverdue(ctx);
  const matters = buildMatters(ctx);
  // Every message of the mailbox is logged to its matter, as the filing feature would.
  const reader = createGraphMessageReader(ctx.graph);
  const log = (await ctx.matterLog())!;
  for (const folder of ["inbox", "sentitems"]) {
    for (const message of await reader.listWindow({ mailbox: null, folder, since: "2025-08-01T00:00:00Z" }, { includeBody: true })) {
      const matterId = directory.matters.find((m) => message.subject.includes(m.number))!.id;
      await log.log({ message, matterId, by: ME, now: new Date(NOW), source: "manual" });
    }
  }
  return { overdue, matters };
}

describe("the Overdue tab and the Matters tab agree on each client email's deadline", () => {
  for (const businessDays of [false, true]) {
    it(`gives the same due time and state for every client email (${businessDays ? "business days" : "calendar"})`, async () => {
      const { overdue, matters } = await pane();
      await overdue.saveSettings({ ...DEFAULT_OVERDUE_SETTINGS, slaHours: 10, businessDays });
      const view = await overdue.scan();

      const timed = new Map<string, { state: ClockState; dueAt: string | null; slaHours: number }>();
      for (const matter of directory.matters) {
        for (const item of (await matters.openMatter(matter.id)).timeline) {
          const r = item.response;
          if (r) timed.set(item.entry.internetMessageId, { state: r.state, dueAt: r.dueAt, slaHours: r.slaHours });
        }
      }
      const fromOverdue = new Map(
        view.items.map((i) => [i.internetMessageId!, { state: i.rawClock.state, dueAt: i.rawClock.dueAt, slaHours: i.slaHours }]),
      );
      // Both views time the same six client emails (not the replies, nor the colleague's copy) …
      expect([...timed.keys()].sort()).toEqual(["<a@test>", "<b@test>", "<c@test>", "<d@test>", "<e@test>", "<f@test>"]);
      expect([...fromOverdue.keys()].sort()).toEqual([...timed.keys()].sort());
      // … and say the same of each.
      for (const [id, overdueSays] of fromOverdue) expect({ id, ...timed.get(id) }).toEqual({ id, ...overdueSays });
      // The deadlines come from each source in turn: the matter's, the client's, then the user's setting.
      expect(fromOverdue.get("<a@test>")?.slaHours).toBe(4);
      expect(fromOverdue.get("<c@test>")?.slaHours).toBe(30);
      expect(fromOverdue.get("<e@test>")?.slaHours).toBe(10);
      expect(new Set([...timed.values()].map((t) => t.state))).toEqual(new Set(["answered", "waiting", "due-soon", "overdue"]));
    });
  }
});
