import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseEml } from "@adapters/mime/parseEml";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { clientMessageOfDraft, suggestForItem, suggestForMessage, type ReplySuggestionContext } from "@features/replies/service";
import { assessMessage } from "@domain/assessment/assess";
import { emptyFilingHistory, recordFiling } from "@domain/recognition/filingHistory";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import { mailMessage } from "../../fixtures/mailMessage";

// An invented firm: nothing here comes from the sample.
const firm: Directory = {
  firm: {
    name: "Ashcombe Reid",
    domains: ["ashcombe.test"],
    timeZone: "America/New_York",
    workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
    holidays: [],
    matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b"],
  },
  people: [
    { id: "p1", name: "Miriam Okafor", email: "miriam.okafor@ashcombe.test", role: "partner" },
    { id: "p2", name: "Tom Ellery", email: "tom.ellery@ashcombe.test", role: "associate" },
  ],
  clients: [
    {
      id: "k1",
      name: "Harbourline Foods Inc",
      domains: ["harbourline.test"],
      contacts: [{ name: "Dana Whitfield", email: "dana.whitfield@harbourline.test" }],
    },
    { id: "k2", name: "Juniper Vale", domains: [], contacts: [{ name: "Vale, Juniper", email: "jvale@gmail.test" }] },
  ],
  matters: [
    {
      id: "x1",
      number: "2024-0311",
      clientId: "k1",
      title: "Warehouse lease renewal",
      status: "open",
      responsible: "p1",
      keywords: ["warehouse lease"],
    },
    {
      id: "x2",
      number: "2024-0377",
      clientId: "k1",
      title: "Supplier dispute with Colby Mills",
      status: "open",
      responsible: "p2",
      keywords: ["Colby Mills"],
    },
    { id: "x3", number: "2025-0102", clientId: "k2", title: "Estate of R. Vale", status: "open", responsible: "p2", keywords: ["estate"] },
  ],
};
const loaded = { directory: firm, index: buildDirectoryIndex(firm) };
const me = { email: "tom.ellery@ashcombe.test", name: "Tom Ellery" };
const ctx: ReplySuggestionContext = { directory: loaded, me, now: "2025-03-04T15:00:00Z" };

/** Dana's mail to Tom unless told otherwise. */
function mail(over: Partial<MailMessage>): MailMessage {
  return mailMessage({
    id: "m",
    internetMessageId: "<m@test>",
    conversationId: "conv",
    subject: "Question",
    from: { name: "Dana Whitfield", email: "dana.whitfield@harbourline.test" },
    to: [{ email: me.email }],
    sentAt: "2025-03-04T14:00:00Z",
    receivedAt: "2025-03-04T14:00:00Z",
    ...over,
  });
}

describe("suggestForMessage (invented firm)", () => {
  it("personalises drafts with the contact's first name, the recognised matter and its attorney", () => {
    const r = suggestForMessage(
      mail({
        subject: "2024-0311 any update?",
        bodyText: "Hi Tom,\n\nAny update on the warehouse lease renewal? Where do things stand?\n\nThanks,\nDana",
      }),
      ctx,
    );
    expect(r.reason).toBeNull();
    expect(r.intent).toBe("status_request");
    expect(r.client?.id).toBe("k1");
    expect(r.matter).toEqual({ id: "x1", number: "2024-0311", title: "Warehouse lease renewal" });
    expect(r.contactFirstName).toBe("Dana");
    // the matter's responsible attorney, not the signed-in user
    expect(r.attorney?.name).toBe("Miriam Okafor");
    expect(r.drafts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(r.drafts.map((d) => d.text)).size).toBe(r.drafts.length);
    for (const d of r.drafts) {
      expect(d.text.startsWith("Hi Dana,")).toBe(true);
      expect(d.text).toContain("Tom Ellery"); // signed by me
      expect(d.grade).toBeLessThanOrEqual(8);
    }
    expect(r.drafts.some((d) => d.text.includes("2024-0311"))).toBe(true);
  });

  it("answers mail that needs no reply (as the response clock reads it) with a short note at most", () => {
    const r = suggestForMessage(
      mail({
        subject: "2024-0311 signed lease",
        bodyText: "Hi Tom,\n\nPlease find attached the signed lease for the warehouse. No need to reply.\n\nThanks,\nDana",
        attachmentNames: ["lease-signed.pdf"],
      }),
      ctx,
    );
    expect(r.drafts.map((d) => d.label)).toEqual(["Short note (optional)"]);
    for (const d of r.drafts) expect(d.text).not.toMatch(/reply in full|by the end of|call/i);
  });

  it("names no matter when recognition cannot tell which one, and the attorney is then me", () => {
    const r = suggestForMessage(
      mail({ subject: "Quick question", bodyText: "Hello,\n\nCan you send me the papers you mentioned?\n\nDana" }),
      ctx,
    );
    expect(r.client?.id).toBe("k1");
    expect(r.matter).toBeNull();
    expect(r.attorney?.email).toBe(me.email);
    for (const d of r.drafts) expect(d.text).not.toMatch(/2024-03(11|77)/);
  });

  it("greets a contact listed 'Surname, First' by the first name", () => {
    const r = suggestForMessage(
      mail({
        from: { email: "jvale@gmail.test" },
        subject: "Estate",
        bodyText: "Any news on the estate? I have not heard anything.\n\nJuniper",
      }),
      ctx,
    );
    expect(r.contactFirstName).toBe("Juniper");
    expect(r.drafts[0]?.text.startsWith("Hi Juniper,")).toBe(true);
  });

  it("reads the tone and answers a complaint without a brush-off", () => {
    const r = suggestForMessage(
      mail({
        subject: "Re: 2024-0377",
        bodyText:
          "I have chased this three times and still no reply. We are paying you to keep us informed and frankly I am very disappointed.\n\nDana",
      }),
      ctx,
    );
    expect(r.intent).toBe("complaint");
    expect(r.negativeTone).toBe(true);
    expect(r.drafts.length).toBe(3);
    expect(r.drafts[0].text.toLowerCase()).toMatch(/sorry|apolog/);
  });

  it("repeats a hearing date the message names", () => {
    const r = suggestForMessage(
      mail({
        subject: "2024-0377 hearing",
        bodyText: "The court has listed the hearing for 14 March 2025. Can you confirm you will attend?\n\nDana",
      }),
      ctx,
    );
    expect(r.nextDates.map((d) => d.date)).toContain("2025-03-14");
  });

  it("gives no drafts for mail from a colleague or a stranger, and says why", () => {
    for (const from of [
      { email: "miriam.okafor@ashcombe.test", name: "Miriam Okafor" },
      { email: "someone@elsewhere.test", name: "Pat Doe" },
    ]) {
      const r = suggestForMessage(mail({ from, bodyText: "Any update on the warehouse lease?" }), ctx);
      expect(r.drafts).toEqual([]);
      expect(r.reason).toBe("not-client");
      expect(r.reasonText).toMatch(/not from a client/);
    }
  });

  it("offers drafts exactly when the assessment (triage, the clock) takes the sender for the client", () => {
    // The firm filed mail from a new address to the client's lease before; the address is in no contact list.
    const history = emptyFilingHistory();
    recordFiling(history, { conversationId: "old", addresses: ["dana@newmail.test"], matterId: "x1" });
    const withHistory = { ...ctx, history };
    const assessed = (m: MailMessage) =>
      assessMessage(m, [m], {
        index: loaded.index,
        calendar: createFirmCalendar(firm.firm),
        owners: [me.email],
        history,
        settings: { businessDays: false },
        now: "2025-03-04T15:00:00Z",
      }).fromClient;
    const bodyText = "Could you send me the signed lease when you have it?";
    // Dana's name on that address: the client, for the drafts and for the clock alike.
    const dana = mail({ from: { email: "dana@newmail.test", name: "Dana Whitfield" }, bodyText });
    const r = suggestForMessage(dana, withHistory);
    expect(r.reason).toBeNull();
    expect(r.drafts.length).toBeGreaterThan(0);
    expect(r.client?.id).toBe("k1");
    expect(assessed(dana)).toBe(true);
    // Anyone else's name on it (a bookkeeper using the same mailbox): neither.
    const other = mail({ from: { email: "dana@newmail.test", name: "Pat Doe" }, bodyText });
    expect(suggestForMessage(other, withHistory).reason).toBe("not-client");
    expect(assessed(other)).toBe(false);
  });

  it("answers a question about the client's open matter as about that matter, though its words read like new work", () => {
    const bodyText =
      "Following up on our call. The buyer wants us to agree to pay the staff bonuses before signing. Can the bonuses come out of the purchase price, or do they have to be our cost? I'd like to answer him by Friday.";
    const onMatter = suggestForMessage(mail({ subject: "2024-0377 - bonuses", bodyText }), ctx);
    expect(onMatter.matter?.id).toBe("x2");
    expect(onMatter.intent).not.toBe("new_matter_inquiry");
    expect(onMatter.intentReasons.join(" ")).toMatch(/matter the firm already has/);
    // Put on no matter (the client has two open), the words' own reading stands.
    expect(suggestForMessage(mail({ subject: "Bonuses", bodyText }), ctx)).toMatchObject({ matter: null, intent: "new_matter_inquiry" });
  });

  it("does not call a stranger's hostile mail an unhappy client: the pane shows no unhappiness for it", () => {
    const bodyText = "This is the third time I have asked and nobody has replied. Your service has been a disgrace.";
    const client = suggestForMessage(mail({ bodyText }), ctx);
    expect(client.negativeTone).toBe(true);
    const stranger = suggestForMessage(mail({ from: { email: "someone@elsewhere.test", name: "Pat Doe" }, bodyText }), ctx);
    expect(stranger.reason).toBe("not-client");
    expect(stranger).toMatchObject({ negativeTone: false, toneCues: [] });
  });

  it("gives no drafts for automatic replies and newsletters, even from a client address", () => {
    const auto = suggestForMessage(
      mail({
        subject: "Automatic reply: Question",
        headers: { "auto-submitted": "auto-replied" },
        bodyText: "I am out of the office until Monday.",
      }),
      ctx,
    );
    expect(auto.drafts).toEqual([]);
    expect(auto.reason).toBe("automatic");
    const news = suggestForMessage(
      mail({
        subject: "Harbourline news: spring edition",
        headers: { "list-unsubscribe": "<mailto:unsub@harbourline.test>", "list-id": "<news.harbourline.test>" },
        bodyText: "Our spring newsletter. Unsubscribe here.",
      }),
      ctx,
    );
    expect(news.drafts).toEqual([]);
    expect(news.reason).toBe("newsletter");
  });

  it("says a directory is needed before any import", () => {
    const r = suggestForMessage(mail({ bodyText: "Any update?" }), { ...ctx, directory: null });
    expect(r.reason).toBe("no-directory");
  });
});

describe("suggestForItem in compose mode", () => {
  const draft = mail({
    from: { email: me.email, name: me.name },
    to: [{ email: "dana.whitfield@harbourline.test", name: "Dana Whitfield" }],
    subject: "RE: 2024-0311 any update?",
    bodyText:
      "\n\nFrom: Dana Whitfield <dana.whitfield@harbourline.test>\nSent: Tuesday, March 4, 2025 9:00 AM\nTo: Tom Ellery\nSubject: 2024-0311 any update?\n\nAny update on the warehouse lease renewal?\n\nDana",
  });

  it("suggests replies to the client message the draft answers", () => {
    const original = clientMessageOfDraft(draft, me.email);
    expect(original?.from?.email).toBe("dana.whitfield@harbourline.test");
    expect(original?.bodyText).toContain("Any update on the warehouse lease renewal?");
    const r = suggestForItem({ mode: "compose", itemId: null, message: draft }, ctx);
    expect(r.intent).toBe("status_request");
    expect(r.matter?.number).toBe("2024-0311");
    expect(r.drafts.length).toBeGreaterThan(0);
  });

  it("has nothing to suggest for a new message, but a reply without quoted history still gets drafts from its subject", () => {
    const fresh = suggestForItem({ mode: "compose", itemId: null, message: { ...draft, subject: "Lease", bodyText: "Dear Dana," } }, ctx);
    expect(fresh.reason).toBe("no-message");
    const bare = suggestForItem({ mode: "compose", itemId: null, message: { ...draft, bodyText: "" } }, ctx);
    expect(bare.client?.id).toBe("k1");
    expect(bare.matter?.number).toBe("2024-0311");
    expect(bare.drafts.length).toBeGreaterThan(0);
  });
});

describe("suggestForMessage over the labelled sample", () => {
  const sample = join(__dirname, "../../../data/sample");
  let directory: Directory;
  let meta: { me: string; now: string };
  const labels = readFileSync(join(sample, "labels.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map(
      (l) =>
        JSON.parse(l) as {
          file: string;
          direction: string;
          senderRole: string;
          clientId: string | null;
          matterId: string | null;
          intent: string;
        },
    );
  const messages = new Map<string, MailMessage>();

  beforeAll(async () => {
    directory = JSON.parse(readFileSync(join(sample, "directory.json"), "utf8")) as Directory;
    meta = JSON.parse(readFileSync(join(sample, "meta.json"), "utf8")) as { me: string; now: string };
    for (const f of readdirSync(join(sample, "mail"))) messages.set(f, await parseEml(readFileSync(join(sample, "mail", f))));
  });

  const run = (file: string) => {
    const index = buildDirectoryIndex(directory);
    const mePerson = directory.people.find((p) => p.email === meta.me);
    return suggestForMessage(messages.get(file)!, {
      directory: { directory, index },
      me: { email: meta.me, name: mePerson?.name ?? meta.me },
      now: meta.now,
    });
  };

  it("drafts for inbound client mail, personalised with the labelled client and (when named) the labelled matter", () => {
    const client = labels.filter((l) => l.direction === "inbound" && l.senderRole === "client" && l.intent !== "auto_reply");
    expect(client.length).toBeGreaterThan(10);
    let withDrafts = 0;
    let wrongMatter = 0;
    let namedMatter = 0;
    let missedClient = 0;
    for (const l of client) {
      const r = run(l.file);
      if (r.drafts.length) withDrafts++;
      // only thread evidence (not given here) ties some mail to its client: never a wrong client, mostly the right one
      if (r.client) expect(r.client.id, l.file).toBe(l.clientId);
      else missedClient++;
      if (r.matter) {
        namedMatter++;
        if (r.matter.id !== l.matterId) wrongMatter++;
      }
      for (const d of r.drafts) {
        expect(d.grade, l.file).toBeLessThanOrEqual(8);
        expect(d.longestSentenceWords, l.file).toBeLessThanOrEqual(20);
        if (r.contactFirstName) expect(d.text.startsWith(`Hi ${r.contactFirstName},`) || d.text.startsWith("Hello,"), l.file).toBe(true);
      }
    }
    expect(missedClient / client.length).toBeLessThanOrEqual(0.1);
    expect(withDrafts / client.length).toBeGreaterThanOrEqual(0.85);
    expect(namedMatter / client.length).toBeGreaterThanOrEqual(0.6);
    // a wrong matter in a client reply is a confidentiality problem: almost never
    expect(wrongMatter).toBeLessThanOrEqual(1);
  });

  it("no drafts for anything that is not inbound client mail", () => {
    const others = labels.filter((l) => l.direction === "inbound" && l.senderRole !== "client");
    expect(others.length).toBeGreaterThan(5);
    for (const l of others) {
      const r = run(l.file);
      expect(r.drafts, `${l.file} ${l.senderRole}`).toEqual([]);
      expect(r.reasonText, l.file).toBeTruthy();
    }
  });
});

describe("suggestForMessage: an unhappy client", () => {
  it("says why, and every draft leads with an acknowledgement of what they are unhappy about and a next step with a time", () => {
    const r = suggestForMessage(
      mail({
        subject: "2024-0311 lease",
        bodyText: "Hi Tom,\n\nThis is the third time I have asked for the signed warehouse lease. Could you send it?\n\nDana",
      }),
      ctx,
    );
    expect(r.negativeTone).toBe(true);
    expect(r.toneCues[0]).toMatch(/^repeated chasing: "[^"]*third time i have asked/);
    expect(r.intentReasons.length).toBeGreaterThan(0);
    expect(r.drafts.length).toBeGreaterThan(0);
    for (const d of r.drafts) {
      const opening = d.text.split("\n\n")[1];
      expect(opening).toMatch(
        /^I am sorry you have had to chase us, and I understand your frustration\. I am looking into this myself and will update you (?:by 5 pm today|by 10 am on \w+)\.$/,
      );
    }
  });

  it("does not apologise to a client angry at someone else", () => {
    const r = suggestForMessage(
      mail({
        subject: "2024-0377 Colby Mills",
        bodyText: "Colby Mills are being impossible again, I am furious with them. What can we do next?",
      }),
      ctx,
    );
    expect(r.negativeTone).toBe(false);
    for (const d of r.drafts) expect(d.text).not.toMatch(/I am sorry/);
  });
});
