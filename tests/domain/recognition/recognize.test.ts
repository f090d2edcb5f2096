import { describe, expect, it } from "vitest";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { recognize } from "@domain/recognition/recognize";
import { emptyFilingHistory, recordFiling } from "@domain/recognition/filingHistory";
import type { FilingHistory } from "@domain/recognition/types";
import type { MailMessage } from "@domain/model/mail";
import { testDirectory } from "../directory/fixtures";
import { identifiedMessage } from "../../fixtures/mailMessage";

const index = buildDirectoryIndex(testDirectory());
const ME = "ruth@ashbyquill.test";

function mail(p: Partial<MailMessage>): MailMessage {
  return identifiedMessage("<t@x>", {
    conversationId: "conv-1",
    from: { email: "ivy@tidewell.test" },
    to: [{ email: ME }],
    sentAt: "2026-03-02T15:00:00Z",
    receivedAt: "2026-03-02T15:00:00Z",
    ...p,
  });
}
const run = (m: Partial<MailMessage>, history?: FilingHistory, threadMatterIds?: string[]) =>
  recognize(mail(m), { index, me: [ME], history, threadMatterIds });

describe("recognize: signals", () => {
  it("a matter number in the subject decides among a client's open matters", () => {
    const r = run({ subject: "Estoppel question [2026-0102]", bodyText: "Hi Ruth,\nCan you look at this?\nIvy" });
    expect(r).toMatchObject({ matterId: "x2", clientId: "k1", senderRole: "client", direction: "inbound", abstained: false });
    expect(r.reasons.join("\n")).toMatch(/Subject cites 2026-0102/);
    expect(r.confidence).toBeGreaterThan(0.8);
  });

  it("a message citing two of the client's matters in its own words is about both: no guess between them", () => {
    // Filing history and a keyword lean to the second; the two references still say "both".
    const leaning = emptyFilingHistory();
    recordFiling(leaning, { conversationId: "c-old", addresses: ["ivy@tidewell.test"], matterId: "x2" });
    const both = run(
      {
        subject: "Fees for the auditors",
        bodyText: "Ruth, the auditors want our fees on both files: the Dock 9 lease (2026-0102) and 2026-0101. Ivy",
      },
      leaning,
    );
    expect(both).toMatchObject({ clientId: "k1", matterId: null, abstained: true });
    expect(both.reasons).toContain("No matter chosen: the message cites 2026-0102 and 2026-0101");
    // One reference of its own, the other only in the quoted earlier mail: the message's own one decides.
    const one = run({
      subject: "Estoppel question [2026-0102]",
      bodyText: "Hi Ruth,\nCan you look at this?\nIvy\n\nOn 1 Mar 2026, Ruth wrote:\n> Re 2026-0101: signed.",
    });
    expect(one).toMatchObject({ matterId: "x2", abstained: false });
  });

  it("an alias (a court case number) in the body counts like the number", () => {
    const r = run({
      from: { email: "clerk@probatecourt.test", name: "Probate Court" },
      subject: "Letters issued",
      bodyText: "Case PR-44871: letters testamentary have issued for the estate of Agnes Lindqvist.",
    });
    expect(r).toMatchObject({ matterId: "x4", clientId: "k2", senderRole: "court" });
  });

  it("a deal's code name listed as an alias counts as a reference, in colleagues' mail too; a short everyday one does not", () => {
    const named = testDirectory();
    const coded = buildDirectoryIndex({
      ...named,
      matters: named.matters.map((m) =>
        m.id === "x2"
          ? { ...m, aliases: ["OQ/0102", "Project Osprey", "Osprey"] }
          : m.id === "x1"
            ? { ...m, aliases: ["RA/0101", "Dock"] }
            : m,
      ),
    });
    const colleague = mail({
      from: { email: "omar@ashbyquill.test" },
      subject: "Osprey - estoppel",
      bodyText: "Ruth, quick one on Osprey: can you look at the estoppel certificate before Friday?",
    });
    const r = recognize(colleague, { index: coded, me: [ME] });
    expect(r).toMatchObject({ matterId: "x2", clientId: "k1", abstained: false });
    expect(r.reasons.join("\n")).toMatch(/Subject cites Osprey \(matter 2026-0102\)/);
    // Without the code name the same colleague's words alone decide nothing.
    expect(recognize(colleague, { index, me: [ME] }).matterId).toBeNull();
    // "Dock" (four letters) is no reference: a message about a dock names no matter by it.
    const dock = recognize(mail({ from: { email: "omar@ashbyquill.test" }, subject: "Dock", bodyText: "The dock is closed." }), {
      index: coded,
      me: [ME],
    });
    expect(dock.matterId).toBeNull();
  });

  it("a round-up naming three matters is filed to none of them, even when it cites one's reference", () => {
    const r = run({
      subject: "Where things stand",
      bodyText:
        "Ruth,\nBefore the board meets, could I have a short note on each: the Cruncho opposition (2026-0101), the " +
        "estoppel certificate for Dock 9, and anything left on Brightmill?\nIvy",
    });
    expect(r).toMatchObject({ matterId: null, clientId: "k1", abstained: true });
    expect(r.reasons.join("\n")).toMatch(/about several matters \(2026-0101, 2026-0102, 2025-0077\)/);
    // Naming one other matter beside the one it cites is not a round-up.
    const two = run({
      subject: "Cruncho opposition",
      bodyText: "Ruth,\nOn 2026-0101: the TTAB deadline moved. Unrelated, but Dock 9 is fine.\nIvy",
    });
    expect(two.matterId).toBe("x1");
  });

  it("a client asking for new work is not filed to its open matter by words or habit, only by a reference or the thread", () => {
    const history = emptyFilingHistory();
    recordFiling(history, { conversationId: "old", addresses: ["mae@coralline.test"], matterId: "x6" });
    const newWork = {
      from: { email: "mae@coralline.test" },
      subject: "New one for you",
      bodyText: "Hi Ruth,\nSeparate from the Pier 4 studio lease: we are buying a second studio. Can you act for us?\nMae",
    };
    const ask = (m: Partial<MailMessage>, newWorkRead: boolean, threadMatterIds?: string[]) =>
      recognize(mail(m), { index, me: [ME], history, threadMatterIds, newWork: newWorkRead });
    // Without the reading the client's one open matter takes it, on its words and the sender's history.
    expect(ask(newWork, false).matterId).toBe("x6");
    const r = ask(newWork, true);
    expect(r).toMatchObject({ matterId: null, clientId: "k3", abstained: true });
    expect(r.reasons.join("\n")).toMatch(/asks for new work, and no reference or thread ties it to 2026-0120/);
    expect(r.decideHint).toMatch(/Open a matter for the new work/);
    // A reference or the thread still files it: the client said which matter.
    expect(ask({ ...newWork, subject: "New one for you [2026-0120]" }, true).matterId).toBe("x6");
    expect(ask(newWork, true, ["x6"]).matterId).toBe("x6");
    // The firm's own mail about it is not the client asking.
    expect(ask({ ...newWork, from: { email: ME }, to: [{ email: "mae@coralline.test" }] }, true).matterId).toBe("x6");
  });

  it("the firm's answer to a request for new work is kept off the open matter, unless a reference or the thread ties it", () => {
    const history = emptyFilingHistory();
    recordFiling(history, { conversationId: "old", addresses: ["mae@coralline.test"], matterId: "x6" });
    const answer = {
      from: { email: ME },
      to: [{ email: "mae@coralline.test" }],
      subject: "RE: New one for you",
      bodyText: "Mae,\nHappy to act on the second studio, separate from Pier 4. I will open a new file.\nRuth",
    };
    const answering = (m: Partial<MailMessage>, answers: boolean, threadMatterIds?: string[]) =>
      recognize(mail(m), { index, me: [ME], history, threadMatterIds, answersNewWork: answers });
    expect(answering(answer, false).matterId).toBe("x6");
    const r = answering(answer, true);
    expect(r).toMatchObject({ matterId: null, clientId: "k3", abstained: true, direction: "outbound" });
    expect(r.reasons.join("\n")).toMatch(/answers a request for new work, and no reference or thread ties it to 2026-0120/);
    expect(r.decideHint).toMatch(/Open a matter for the new work/);
    expect(answering({ ...answer, subject: "RE: New one for you [2026-0120]" }, true).matterId).toBe("x6");
    expect(answering(answer, true, ["x6"]).matterId).toBe("x6");
    // Only the firm's own mail answers: a client's reply is judged on its own words (RecognitionContext.newWork).
    expect(answering({ ...answer, from: { email: "mae@coralline.test" }, to: [{ email: ME }] }, true).matterId).toBe("x6");
  });

  it("an automatic answer is filed only where a reference or its thread puts it, never by its sender alone", () => {
    const history = emptyFilingHistory();
    recordFiling(history, { conversationId: "old", addresses: ["mae@coralline.test"], matterId: "x6" });
    const away = {
      from: { email: "mae@coralline.test" },
      headers: { "auto-submitted": "auto-replied" },
      subject: "Automatic reply: RE: New one for you",
      bodyText: "I am at a trade show and back on Monday. For urgent studio matters call reception.",
    };
    const r = run(away, history);
    expect(r).toMatchObject({ matterId: null, clientId: "k3", abstained: true });
    expect(r.reasons.join("\n")).toMatch(/an automatic reply says nothing of a matter/);
    expect(r.decideHint).toMatch(/File the message it answers/);
    // Its subject alone marks it too (no header), and the thread it answers files it.
    expect(run({ ...away, headers: {} }, history).matterId).toBeNull();
    expect(run(away, history, ["x6"]).matterId).toBe("x6");
    // A machine's own notice (RFC 3834 "auto-generated") carries its own content: it is weighed as before.
    const notice = {
      from: { email: "mae@coralline.test" },
      headers: { "auto-submitted": "auto-generated" },
      subject: "Studio booking confirmed",
      bodyText: "Your booking for the Pier 4 studio is confirmed.",
    };
    expect(run(notice, history).reasons.join("\n")).not.toMatch(/automatic reply says nothing/);
  });

  it("ignores a pattern hit that names no matter (an invoice number of the same shape)", () => {
    const r = run({
      from: { email: "billing@vendor.test" },
      subject: "Invoice INV-2026-0101 and 2026-9999",
      bodyText: "Please pay invoice 2026-9999 by Friday.",
    });
    expect(r.matterId).toBeNull();
    expect(r.candidates.find((c) => c.matterId === "x1")).toBeUndefined();
  });

  it("the thread ties a personal address to the matter", () => {
    const history = emptyFilingHistory();
    recordFiling(history, { conversationId: "conv-9", addresses: ["ivy@tidewell.test"], matterId: "x1" });
    const r = run(
      {
        conversationId: "conv-9",
        from: { email: "ivy.ramos.home@gmail.test" },
        subject: "Re: next steps",
        bodyText: "Confirmed, go ahead.\n\nSent from my phone",
      },
      history,
    );
    expect(r).toMatchObject({ matterId: "x1", clientId: "k1" });
    expect(r.reasons.join("\n")).toMatch(/In the same thread as a message logged to 2026-0101/);
  });

  it("a contact of a client with one open matter files to it; the domain alone names the client", () => {
    const r = run({
      from: { email: "mae@coralline.test" },
      subject: "Quick question",
      bodyText: "Can we talk tomorrow about the studio lease?",
    });
    expect(r).toMatchObject({ matterId: "x6", clientId: "k3" });
    expect(r.reasons.join("\n")).toMatch(/mae@coralline.test is a contact of Coralline Studio LLC/);
    const byDomain = run({ from: { email: "newhire@coralline.test" }, subject: "Hello", bodyText: "Any news on Pier 4?" });
    expect(byDomain).toMatchObject({ clientId: "k3", matterId: "x6", senderRole: "client" });
  });

  it("filing history alone never picks between a client's open matters", () => {
    const history = emptyFilingHistory();
    for (let i = 0; i < 6; i++) recordFiling(history, { conversationId: `c${i}`, addresses: ["sam.ortiz@tidewell.test"], matterId: "x2" });
    const r = run({ from: { email: "sam.ortiz@tidewell.test" }, subject: "Update?", bodyText: "Any update for me?" }, history);
    expect(r).toMatchObject({ matterId: null, clientId: "k1", abstained: true });
    expect(r.decideHint).toBeTruthy();
    const withWords = run(
      { from: { email: "sam.ortiz@tidewell.test" }, subject: "Update?", bodyText: "Any update on the estoppel certificate?" },
      history,
    );
    expect(withWords.matterId).toBe("x2");
    expect(withWords.reasons.join("\n")).toMatch(/Sender's mail filed to this matter 6 times/);
  });

  it("keywords and party names pick among a client's open matters; words alone from a stranger do not", () => {
    const r = run({ subject: "TTAB filing", bodyText: "Snackwave's lawyers filed their opposition brief on the Cruncho mark." });
    expect(r).toMatchObject({ matterId: "x1", clientId: "k1" });
    const stranger = run({
      from: { email: "someone@unknown.test" },
      subject: "TTAB filing",
      bodyText: "Snackwave's lawyers filed their opposition on the Cruncho mark.",
    });
    expect(stranger).toMatchObject({ matterId: null, senderRole: "unknown" });
  });

  it("an acronym keyword only matches in capitals", () => {
    const r = run({ subject: "hello", bodyText: "ttab? no idea what that is.\nIvy" });
    expect(r.candidates.find((c) => c.matterId === "x1")?.reasons.join() ?? "").not.toMatch(/TTAB/);
  });
});

describe("recognize: roles and direction", () => {
  it("opposing counsel by exact address and by domain; the matter's client is the client", () => {
    const r = run({
      from: { email: "dee@hollisfarr.test" },
      subject: "Our client's position",
      bodyText: "We write regarding the opposition.",
    });
    expect(r).toMatchObject({ senderRole: "opposing_counsel", matterId: "x1", clientId: "k1" });
    const d = run({
      from: { email: "other@birchtitle.test" },
      subject: "Title commitment",
      bodyText: "Attached is the title commitment for Fernhill Drive.",
    });
    expect(d).toMatchObject({ senderRole: "opposing_counsel", matterId: "x5", clientId: "k2" });
  });

  it("courts by domain words, colleagues by firm domain, bulk by headers", () => {
    expect(
      run({ from: { email: "ecf@txnd.uscourts.test" }, subject: "Activity in case", bodyText: "Notice of electronic filing" }).senderRole,
    ).toBe("court");
    expect(run({ from: { email: "omar@ashbyquill.test" }, to: [{ email: ME }], subject: "Lunch", bodyText: "Lunch?" })).toMatchObject({
      senderRole: "colleague",
      direction: "internal",
    });
    const news = run({
      from: { email: "news@lawweekly.test" },
      headers: { "list-unsubscribe": "<mailto:x@y>" },
      subject: "Trademark opposition trends",
      bodyText: "TTAB decisions this week: Cruncho, Snackwave, estoppel certificate, Dock 9 leases.",
    });
    expect(news).toMatchObject({ senderRole: "bulk", matterId: null });
  });

  it("outbound mail to a client contact carries the client and matter; an auto-reply from a contact stays a client", () => {
    const out = run({
      from: { email: ME },
      to: [{ email: "percy.l@gmail.test" }],
      subject: "Closing on Fernhill Drive",
      bodyText: "Percy, the closing is set. Our ref: RA/0111",
    });
    expect(out).toMatchObject({ direction: "outbound", senderRole: "me", clientId: "k2", matterId: "x5" });
    const auto = run({
      from: { email: "mae@coralline.test" },
      headers: { "auto-submitted": "auto-replied" },
      subject: "Automatic reply: Pier 4",
      bodyText: "I am out of the office.",
    });
    expect(auto.senderRole).toBe("client");
  });

  it("a public mail domain never names a client", () => {
    const r = run({ from: { email: "stranger@gmail.test" }, subject: "Estate question", bodyText: "Hello, I need help." });
    expect(r).toMatchObject({ clientId: null, matterId: null, senderRole: "unknown" });
  });
});

describe("recognize: hard cases", () => {
  it("several open matters and nothing to pick one: abstain with the client and a hint", () => {
    const r = run({ subject: "Call?", bodyText: "Could we have a call this week?\nIvy" });
    expect(r).toMatchObject({ clientId: "k1", matterId: null, abstained: true });
    expect(r.decideHint).toMatch(/2026-01/);
    expect(r.candidates.length).toBeGreaterThanOrEqual(2);
  });

  it("prefers the open matter over a closed one on general signals; a closed matter needs its reference", () => {
    const r = run({ from: { email: "mae@coralline.test" }, subject: "Hello", bodyText: "hi" });
    expect(r.matterId).toBe("x6");
    const closed = run({ subject: "Brightmill supply agreement", bodyText: "Brightmill wants to renew the supply agreement." });
    expect(closed.matterId).not.toBe("x3");
    const cited = run({ subject: "Old file OQ/0077", bodyText: "Can you send me the Brightmill file?" });
    expect(cited.matterId).toBe("x3");
  });

  it("a message citing two matters abstains", () => {
    const r = run({ subject: "2026-0101 and 2026-0102", bodyText: "Two questions: one on 2026-0101 and one on 2026-0102." });
    expect(r).toMatchObject({ matterId: null, abstained: true, clientId: "k1" });
    expect(r.reasons.join()).toMatch(/both likely/);
    // Split evidence: the two cited matters hold about half each; the parts of all candidates add up to 1.
    const [a, b] = r.candidates;
    expect(a.share).toBeGreaterThan(0.3);
    expect(b.share).toBeGreaterThan(0.3);
    expect(b.confidence).toBe(0);
    expect(r.candidates.reduce((sum, c) => sum + c.share, 0)).toBeCloseTo(1, 2);
  });

  it("a signature line naming another matter's keyword does not outweigh the message", () => {
    const r = run({
      subject: "Opposition brief",
      bodyText: "Ruth,\nThe Cruncho opposition brief looks good.\n\nKind regards,\nIvy Ramos\nTidewell Foods Inc, Dock 9, Harbor Road",
    });
    expect(r.matterId).toBe("x1");
  });

  it("quoted history weighs less than the new text", () => {
    const r = run({
      subject: "Re: update",
      bodyText:
        "Thanks. What's next on the estoppel certificate for Dock 9?\n\nOn Mon, 2 Mar 2026 at 10:00, Ruth Ashby <ruth@ashbyquill.test> wrote:\n> The Cruncho opposition brief is filed.\n> TTAB will rule soon.",
    });
    expect(r.matterId).toBe("x2");
  });

  it("the firm's own labelled reference beats one mentioned in passing", () => {
    const r = run({
      from: { email: "omar@ashbyquill.test" },
      to: [{ email: "ivy@tidewell.test" }],
      subject: "Dock 9",
      bodyText: "The lease is nearly done. Ruth handles the opposition (their ref RA/0101) separately.\n\nOur ref: OQ/0102",
    });
    expect(r.matterId).toBe("x2");
  });
});

describe("recognize: reasons a user reads", () => {
  const noScores = (reasons: readonly string[]) => reasons.every((r) => !/\d+\.\d|score|\bvs\b/i.test(r));

  it("says each fact once, strongest first, with the preference in words", () => {
    const history = emptyFilingHistory();
    for (let i = 0; i < 3; i++) recordFiling(history, { conversationId: `h${i}`, addresses: ["ivy@tidewell.test"], matterId: "x2" });
    const r = run(
      { subject: "Estoppel certificate 2026-0102", bodyText: "Ruth,\nThe estoppel certificate for 2026-0102 is attached.\nIvy" },
      history,
    );
    expect(r.matterId).toBe("x2");
    expect(r.reasons[0]).toBe("Subject cites 2026-0102");
    // The reference in subject and text is one fact; the contact is said once (no "is a client contact" beside it).
    expect(r.reasons.filter((x) => x.includes("2026-0102") && x.includes("cites"))).toHaveLength(1);
    expect(r.reasons.filter((x) => x.includes("ivy@tidewell.test"))).toEqual(["ivy@tidewell.test is a contact of Tidewell Foods Inc"]);
    expect(r.reasons).toContain("Sender's mail filed to this matter 3 times");
    expect(new Set(r.reasons).size).toBe(r.reasons.length);
    expect(r.reasons.find((x) => x.startsWith("Preferred over 2026-0101"))).toBe("Preferred over 2026-0101: the message cites this matter");
    expect(noScores(r.reasons)).toBe(true);
    for (const c of r.candidates) expect(noScores(c.reasons)).toBe(true);
    // Every reason is a fragment starting with a capital or an address.
    for (const x of r.reasons) expect(x).toMatch(/^(?:[A-Z]|[a-z0-9.]+@)/);
  });

  it("my own mail does not start with who sent it; a closed runner-up is named as closed", () => {
    const r = run({
      from: { email: ME },
      to: [{ email: "mae@coralline.test" }],
      subject: "Pier 4",
      bodyText: "Mae, the studio lease is ready.",
    });
    expect(r).toMatchObject({ direction: "outbound", matterId: "x6" });
    expect(r.reasons.join("\n")).not.toMatch(/sent by me|ruth@ashbyquill/i);
    expect(r.reasons[0]).toBe("mae@coralline.test is a contact of Coralline Studio LLC");
    const closed = run({ subject: "Dock 9", bodyText: "Re the warehouse lease at Dock 9: any news?" });
    expect(closed.matterId).toBe("x2");
    expect(closed.reasons.some((x) => /^Preferred over 2026-0101: the message's words are specific to it$/.test(x))).toBe(true);
  });

  it("a single party word inside a longer matched name is not said again", () => {
    const r = run({
      from: { email: "dee@hollisfarr.test" },
      subject: "Snackwave Brands",
      bodyText: "Snackwave Brands will file on Friday.",
    });
    const all = r.candidates.flatMap((c) => c.reasons);
    expect(all.some((x) => x.includes("“Snackwave Brands Inc”"))).toBe(true);
    expect(all.some((x) => x.includes("“Snackwave”"))).toBe(false);
  });

  it("abstaining says why in words and the hint is a full sentence", () => {
    const r = run({ subject: "2026-0101 and 2026-0102", bodyText: "Two questions." });
    expect(r.abstained).toBe(true);
    expect(r.reasons).toContain("No matter chosen: 2026-0101 and 2026-0102 are both likely");
    expect(noScores(r.reasons)).toBe(true);
    expect(r.decideHint).toMatch(/^[A-Z].*\.$/);
    const stranger = run({ from: { email: "someone@unknown.test" }, subject: "hi", bodyText: "hello" });
    expect(stranger.reasons).toEqual([
      "Nothing in the directory matches this message",
      "Sender someone@unknown.test is not in the directory",
    ]);
  });
});

describe("recognize: a client's contact writing from a personal address", () => {
  const history = () => {
    const h = emptyFilingHistory();
    recordFiling(h, { conversationId: "conv-p", addresses: ["sam.ortiz@tidewell.test"], matterId: "x2" });
    return h;
  };

  it("is the client when the thread ties the message to the client and the display name is a contact's (case and accents folded)", () => {
    const r = run(
      {
        conversationId: "conv-p",
        from: { email: "sammy.o@webmail.test", name: "SAM ÓRTIZ" },
        subject: "Re: Dock 9",
        bodyText: "Fine by me.",
      },
      history(),
    );
    expect(r).toMatchObject({ senderRole: "client", clientId: "k1", matterId: "x2" });
    expect(r.reasons[0]).toBe("Sam Ortiz of Tidewell Foods Inc writes from an address not in the directory (sammy.o@webmail.test)");
    const reversed = run(
      {
        conversationId: "conv-p",
        from: { email: "sammy.o@webmail.test", name: "Ortiz, Sam" },
        subject: "Re: Dock 9",
        bodyText: "Fine by me.",
      },
      history(),
    );
    expect(reversed.senderRole).toBe("client");
  });

  it("is the client when a reference of the client's matter ties it", () => {
    const r = run({
      from: { email: "ivy.r@gmail.test", name: "Ivy Ramos" },
      subject: "OQ/0102 question",
      bodyText: "Quick one on the lease.",
    });
    expect(r).toMatchObject({ senderRole: "client", matterId: "x2" });
  });

  it("is the client when the message's own words name one of the client's matters, outside any thread (titles aside)", () => {
    const words = { subject: "Question", bodyText: "Ruth, can you look at the estoppel certificate for Dock 9 before Friday? Ivy" };
    const r = run({ ...words, from: { email: "ivy.r@gmail.test", name: "Ivy Ramos" }, conversationId: "conv-new" });
    expect(r).toMatchObject({ senderRole: "client", clientId: "k1", matterId: "x2", abstained: false });
    expect(r.reasons.join("\n")).toMatch(/ivy\.r@gmail\.test carries the name of Ivy Ramos of Tidewell Foods Inc/);
    // The directory's "Dr." or a webmail's missing one does not make two people.
    const plain = testDirectory();
    const titled = {
      ...plain,
      clients: plain.clients.map((c, i) =>
        i === 0 ? { ...c, contacts: c.contacts.map((x, j) => (j === 0 ? { ...x, name: "Dr. Ivy Ramos" } : x)) } : c,
      ),
    };
    const withTitle = recognize(mail({ ...words, from: { email: "ivy.r@gmail.test", name: "Ivy Ramos" }, conversationId: "conv-new" }), {
      index: buildDirectoryIndex(titled),
      me: [ME],
    });
    expect(withTitle).toMatchObject({ senderRole: "client", matterId: "x2" });
    // The same words from a stranger, or from the same name at a company's own domain, file nothing.
    expect(run({ ...words, from: { email: "pat.doe@gmail.test", name: "Pat Doe" }, conversationId: "conv-new" })).toMatchObject({
      senderRole: "unknown",
      matterId: null,
    });
    expect(run({ ...words, from: { email: "ivy@otherco.test", name: "Ivy Ramos" }, conversationId: "conv-new" })).toMatchObject({
      senderRole: "unknown",
      matterId: null,
    });
  });

  it("is the client when the firm has filed mail from that address to the client's matters before, and the name is a contact's", () => {
    const filed = emptyFilingHistory();
    recordFiling(filed, { conversationId: "conv-old", addresses: ["ivy.ramos@newjob.test"], matterId: "x2" });
    const message = { conversationId: "conv-new", subject: "Hello", bodyText: "Are you free next week?" };
    const r = run({ ...message, from: { email: "ivy.ramos@newjob.test", name: "Ivy Ramos" } }, filed);
    expect(r).toMatchObject({ senderRole: "client", clientId: "k1" });
    expect(r.reasons[0]).toBe("Ivy Ramos of Tidewell Foods Inc writes from an address not in the directory (ivy.ramos@newjob.test)");
    // The same filed address under a name that is no contact's (an assistant, an accountant) stays unknown.
    expect(run({ ...message, from: { email: "ivy.ramos@newjob.test", name: "Pat Doe" } }, filed).senderRole).toBe("unknown");
  });

  it("stays unknown from the name alone, with another client's tie, a different name, or a reference in passing", () => {
    expect(
      run({ from: { email: "ivy.r@gmail.test", name: "Ivy Ramos" }, subject: "Hello", bodyText: "Are you free next week?" }).senderRole,
    ).toBe("unknown");
    expect(
      run({ from: { email: "ivy.r@gmail.test", name: "Ivy Ramos" }, subject: "RA/0111", bodyText: "About Fernhill Drive." }).senderRole,
    ).toBe("unknown");
    expect(
      run(
        {
          conversationId: "conv-p",
          from: { email: "sammy.o@webmail.test", name: "Samantha Ortiz" },
          subject: "Re: Dock 9",
          bodyText: "Fine.",
        },
        history(),
      ).senderRole,
    ).toBe("unknown");
    expect(
      run({ from: { email: "ivy.r@gmail.test", name: "Ivy Ramos" }, subject: "Hello", bodyText: "See their ref OQ/0102 for details." })
        .senderRole,
    ).toBe("unknown");
    // One word is not a name that tells people apart.
    expect(
      run(
        { conversationId: "conv-p", from: { email: "mae.home@gmail.test", name: "Mae" }, subject: "Re: hi", bodyText: "ok" },
        (() => {
          const h = emptyFilingHistory();
          recordFiling(h, { conversationId: "conv-p", addresses: [], matterId: "x6" });
          return h;
        })(),
      ).senderRole,
    ).toBe("unknown");
  });

  it("never overrides a known role: the other side's address with a contact's name stays opposing counsel", () => {
    const r = run(
      { conversationId: "conv-p", from: { email: "dee@hollisfarr.test", name: "Sam Ortiz" }, subject: "Re: Dock 9", bodyText: "Noted." },
      history(),
    );
    expect(r.senderRole).toBe("opposing_counsel");
  });
});
