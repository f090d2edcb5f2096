import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { createGraphSimulator } from "@simulators/graph";
import { createOfficeFake } from "@simulators/office";
import { fakeMessage } from "@simulators/office/sampleItems";
import type { FakeMailItem } from "@simulators/office/types";
import { createPaneContext, type PaneContext } from "@hosts/context";
import type { HostEnvironment } from "@hosts/hostEnvironment";
import { buildFiling } from "@features/filing/wire";
import { buildReplies } from "@features/replies/wire";
import { buildFollowUp } from "@features/followUps/wire";
import { buildMatters } from "@features/matters/wire";
import { createOfficeMailSource } from "@adapters/office";
import { MATTER_PROPERTY_ID } from "@adapters/graph";
import { categoryNameFor } from "@domain/matterLog/categoryName";
import { loggedMatterOf, matterOfEmail } from "@domain/recognition/emailMatter";
import type { Directory } from "@domain/directory/types";

const ME = "orla@penrose.test";
const NOW = "2026-03-03T10:00:00Z";

/** One client with two open matters, so nothing in a plain question tells them apart. */
const directory: Directory = {
  firm: {
    name: "Penrose Hale",
    domains: ["penrose.test"],
    timeZone: "Europe/Dublin",
    workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
    holidays: [],
    matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b"],
  },
  people: [{ id: "a1", name: "Orla Keane", email: ME, role: "partner" }],
  clients: [
    {
      id: "c1",
      name: "Brackwater Ltd",
      domains: ["brackwater.test"],
      contacts: [{ name: "Fintan Moss", email: "fintan@brackwater.test" }],
    },
  ],
  matters: [
    { id: "m1", number: "2025-0610", clientId: "c1", title: "Mill site purchase", status: "open", responsible: "a1" },
    { id: "m2", number: "2025-0611", clientId: "c1", title: "Warehouse lease", status: "open", responsible: "a1" },
  ],
};
const categoryOf = (id: string) =>
  categoryNameFor(
    directory.matters.find((m) => m.id === id)!,
    directory.clients[0],
  );

const question = (n: number, over: Partial<FakeMailItem> = {}) =>
  fakeMessage(n, {
    subject: "Quick question",
    from: { displayName: "Fintan Moss", emailAddress: "fintan@brackwater.test" },
    to: [{ displayName: "Orla Keane", emailAddress: ME }],
    bodyText: "Orla,\n\nCould you call me on Thursday at 10:00 about the documents?\n\nFintan",
    dateTimeCreated: new Date("2026-03-03T08:00:00Z"),
    ...over,
  });

/** Logged to m2 by a colleague's pane: our property and the matter's category are on the message itself. */
const marked = question(1, { categories: [categoryOf("m2")] });
/** Nothing on it, but an earlier message of its conversation was logged to m1 by a colleague. */
const threaded = question(2, { conversationId: "conv-thread" });

let open: PaneContext | null = null;
afterEach(async () => {
  open?.db.close();
  open = null;
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase("matterline");
    req.onsuccess = req.onerror = () => resolve();
  });
});

async function pane(item: FakeMailItem) {
  const sim = createGraphSimulator({ signedInUser: ME, clock: () => Date.parse(NOW) });
  const seed = (m: FakeMailItem, folder: string, matterId: string | null) =>
    sim.addMessage(ME, folder, {
      internetMessageId: m.internetMessageId,
      conversationId: m.conversationId,
      subject: m.subject,
      from: { emailAddress: { address: m.from.emailAddress, name: m.from.displayName } },
      toRecipients: (m.to ?? []).map((a) => ({ emailAddress: { address: a.emailAddress } })),
      receivedDateTime: new Date(m.dateTimeCreated).toISOString(),
      sentDateTime: new Date(m.dateTimeCreated).toISOString(),
      body: { contentType: "text", content: m.bodyText },
      categories: matterId ? [categoryOf(matterId)] : [],
      ...(matterId ? { singleValueExtendedProperties: [{ id: MATTER_PROPERTY_ID, value: matterId }] } : {}),
    });
  seed(marked, "inbox", "m2");
  seed(threaded, "inbox", null);
  seed(
    question(3, { conversationId: "conv-thread", subject: "Documents", dateTimeCreated: new Date("2026-03-02T08:00:00Z") }),
    "inbox",
    "m1",
  );
  const host: HostEnvironment = {
    name: "Test",
    graphFetch: sim.fetch,
    now: () => new Date(NOW),
    user: { email: ME, name: "Orla Keane" },
    getToken: () => Promise.resolve("token"),
    initialDirectory: directory,
  };
  const fake = createOfficeFake({ item });
  const ctx = await createPaneContext(fake.office, host);
  open = ctx;
  const current = await createOfficeMailSource(fake.office).currentItem();
  return { fake, current, filing: buildFiling(ctx), replies: buildReplies(ctx), followUps: buildFollowUp(ctx), matters: buildMatters(ctx) };
}

describe("one recognition for every feature", () => {
  it("filing, replies, follow-ups and bulk tagging name the matter a colleague logged the email to", async () => {
    const p = await pane(marked);
    const filed = await p.filing.recognize(p.current);
    expect(filed.pane.mailbox).toMatchObject({ status: "read", selfMatterId: "m2" });
    expect(matterOfEmail(loggedMatterOf(filed.pane), filed.pane.recognition).matterId).toBe("m2");
    expect(filed.pane.recognition.matterId).toBe("m2");
    expect((await p.replies.suggest(p.current)).matter?.id).toBe("m2");
    expect((await p.followUps.plan(p.current))?.matterId).toBe("m2");

    await p.fake.controller.selectItems([marked, question(9, { subject: "Another" })]);
    const [candidate] = await p.matters.bulk.prepare(await p.matters.bulk.selection());
    expect(candidate.loggedMatterId).toBe("m2");
  });

  it("filing, replies and follow-ups name the matter the email's thread was logged to in the mailbox", async () => {
    const p = await pane(threaded);
    const filed = await p.filing.recognize(p.current);
    expect(filed.pane.mailbox.threadMatterIds).toEqual(["m1"]);
    expect(filed.pane.recognition).toMatchObject({ matterId: "m1", abstained: false });
    expect((await p.replies.suggest(p.current)).matter?.id).toBe("m1");
    expect((await p.followUps.plan(p.current))?.matterId).toBe("m1");
  });
});
