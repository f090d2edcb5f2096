import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { createGraphSimulator } from "@simulators/graph";
import { createOfficeFake } from "@simulators/office";
import { createPaneContext, type PaneContext } from "@hosts/context";
import type { HostEnvironment } from "@hosts/hostEnvironment";
import { drainPendingSends } from "@features/filing/wire";
import { createPendingSendLog, PENDING_SEND_LOG_KEY, type PendingSendLog } from "@adapters/office/pendingSendLog";
import type { MailMessage } from "@domain/model/mail";
import type { Directory } from "@domain/directory/types";
import { mailMessage } from "../../fixtures/mailMessage";

const ME = "orla@penrose.test";
const NOW = "2026-03-03T10:00:00Z";
const directory: Directory = {
  firm: {
    name: "Penrose Hale",
    domains: ["penrose.test"],
    timeZone: "Europe/Dublin",
    workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
    holidays: [],
    matterRefPatterns: [],
  },
  people: [{ id: "a1", name: "Orla Keane", email: ME, role: "partner" }],
  clients: [
    { id: "c1", name: "Brackwater Ltd", domains: ["brackwater.test"], contacts: [{ name: "Fintan", email: "fintan@brackwater.test" }] },
  ],
  matters: [{ id: "m1", number: "2025-0610", clientId: "c1", title: "Mill site purchase", status: "open", responsible: "a1" }],
};

const draft = (n: number, sentAt = "2026-03-03T09:30:00Z"): MailMessage =>
  mailMessage({
    id: `d${n}`,
    conversationId: `conv-${n}`,
    subject: `Mill site ${n}`,
    from: { email: ME },
    to: [{ email: "fintan@brackwater.test" }],
    sentAt,
  });

let open: PaneContext | null = null;
afterEach(async () => {
  open?.db.close();
  open = null;
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase("matterline");
    req.onsuccess = req.onerror = () => resolve();
  });
});

async function pane(onSentItemsRead?: () => void) {
  const sim = createGraphSimulator({ signedInUser: ME, clock: () => Date.parse(NOW) });
  const fake = createOfficeFake({});
  const host: HostEnvironment = {
    name: "Test",
    graphFetch: (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      if (url.includes("/mailFolders/sentitems/")) onSentItemsRead?.();
      return sim.fetch(input, init);
    },
    now: () => new Date(NOW),
    user: { email: ME, name: "Orla Keane" },
    getToken: () => Promise.resolve("token"),
    initialDirectory: directory,
  };
  const ctx = await createPaneContext(fake.office, host);
  open = ctx;
  const sent = (n: number) =>
    sim.addMessage(ME, "sentitems", {
      internetMessageId: `<sent-${n}@penrose.test>`,
      conversationId: `conv-${n}`,
      subject: `Mill site ${n}`,
      toRecipients: [{ emailAddress: { address: "fintan@brackwater.test" } }],
      sentDateTime: "2026-03-03T09:30:10Z",
      receivedDateTime: "2026-03-03T09:30:10Z",
    });
  return { ctx, fake, sim, sent, queue: createPendingSendLog(fake.office) };
}

const queued = (fake: ReturnType<typeof createOfficeFake>) =>
  ((fake.controller.roamingSettings()[PENDING_SEND_LOG_KEY] as PendingSendLog[] | undefined) ?? []).map((e) => e.subject);

describe("log on send: the pane's drain loses nothing", () => {
  it("entries stay queued while the pane logs them, and one queued meanwhile survives the drain", async () => {
    const seen: string[][] = [];
    let sendMeanwhile: (() => Promise<void>) | null = null;
    const p = await pane(() => {
      seen.push(queued(p.fake));
      const go = sendMeanwhile;
      sendMeanwhile = null;
      void go?.();
    });
    p.sent(1);
    p.sent(2);
    await p.queue.record(draft(1), "m1");
    await p.queue.record(draft(2), "m1");
    sendMeanwhile = () => p.queue.record(draft(3), "m1");
    expect(await drainPendingSends(p.ctx)).toBe(2);
    // while the sent copies were being looked up, both entries were still in the queue (a pane closed now loses none)
    expect(seen[0]).toEqual(["Mill site 1", "Mill site 2"]);
    expect(queued(p.fake)).toEqual(["Mill site 3"]);
    const log = await p.ctx.matterLog();
    expect((await log!.entryFor("<sent-1@penrose.test>"))?.matterId).toBe("m1");
    expect((await log!.entryFor("<sent-2@penrose.test>"))?.matterId).toBe("m1");
  });

  it("what cannot be found yet waits; what is a week old is shown to the user, not dropped", async () => {
    const p = await pane();
    await p.queue.record(draft(4), "m1");
    await p.queue.record(draft(5, "2026-02-20T09:00:00Z"), "m1");
    expect(await drainPendingSends(p.ctx)).toBe(0);
    expect(queued(p.fake)).toEqual(["Mill site 4"]);
    const { buildFiling } = await import("@features/filing/wire");
    const unlogged = await buildFiling(p.ctx).unloggedSends();
    expect(unlogged.entries).toEqual([
      { subject: "Mill site 5", sentAt: "2026-02-20T09:00:00Z", matter: "2025-0610 Mill site purchase", reason: "not-found" },
    ]);
  });
});
