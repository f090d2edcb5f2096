import { describe, expect, it } from "vitest";
import type { Matter, Person } from "@domain/directory/types";
import { firstName, replyHtml, SORRY_LINE, suggestReplies, type SuggestInput } from "@domain/replies";
import { matter, priyaMail, suggestInput } from "./fixtures";

const message = priyaMail("<m1@client.example>", "Where are we?", "Hi, any news on the lease? Thanks, Priya");
const assistant: Person = { id: "u2", name: "Ana Diaz", email: "ana@firm.example", role: "assistant" };
const base = suggestInput(message, "status_request");

describe("suggestReplies", () => {
  it("gives three drafts from different angles, personalised", () => {
    const drafts = suggestReplies({ ...base, sender: assistant, nextDates: [{ label: "signing", date: "2026-03-12T14:00:00-04:00" }] });
    expect(drafts.map((d) => d.angle)).toEqual(["answer", "ask", "call"]);
    for (const d of drafts) {
      expect(d.text.startsWith("Hi Priya,")).toBe(true);
      expect(d.text).toContain("2026-0101");
      expect(d.text.endsWith("Best wishes,\nAna Diaz")).toBe(true);
      expect(d.grade).toBeLessThanOrEqual(8);
      expect(d.longestSentenceWords).toBeLessThanOrEqual(20);
    }
    expect(drafts[0].text).toContain("Lease of 3 Mill Street");
    expect(drafts[0].text).toContain("Tom Reyes");
    expect(drafts[0].text).toContain("Signing: Thursday 12 March at 2 pm.");
    expect(drafts[0].text).toContain("by the end of Friday 6 March");
  });

  it("signs as the attorney, without naming them in the third person, when they write", () => {
    const [d] = suggestReplies(base);
    expect(d.text.endsWith("Best wishes,\nTom Reyes")).toBe(true);
    expect(d.text).not.toContain("who leads your matter");
  });

  it("skips weekends and holidays when it promises a day, and leaves out past dates", () => {
    const friday = "2026-03-06T15:00:00Z";
    const [d] = suggestReplies({
      ...base,
      now: friday,
      holidays: ["2026-03-09"],
      nextDates: [{ label: "old hearing", date: "2026-03-01" }],
    });
    expect(d.text).toContain("by the end of Tuesday 10 March");
    expect(d.text).not.toContain("old hearing");
  });

  it("leads a complaint with an apology, owns it, and gives a next step with a day", () => {
    const drafts = suggestReplies({ ...base, intent: "complaint", negativeTone: true });
    expect(drafts).toHaveLength(3);
    for (const d of drafts) {
      const body = d.text.split("\n\n")[1];
      expect(body).toMatch(/sorry|Thank you for telling me/i);
      expect(d.text).toMatch(/sorry/i);
      expect(d.text).toMatch(/Friday 6 March/);
      expect(d.text).not.toContain(SORRY_LINE); // its own apology, not the generic line
    }
  });

  it("apologises first when a non-complaint comes in unhappy", () => {
    for (const d of suggestReplies({ ...base, negativeTone: true }))
      expect(d.text.split("\n\n")[1]).toMatch(
        new RegExp(`^${SORRY_LINE} I am looking into this myself and will update you (?:by 5 pm today|by 10 am on \\w+)\\.$`),
      );
  });

  it("gives nothing for non-client mail, automatic replies or newsletters; one note for thanks", () => {
    expect(suggestReplies({ ...base, client: null })).toEqual([]);
    expect(suggestReplies({ ...base, intent: "auto_reply" })).toEqual([]);
    const newsletter = { ...message, headers: { "list-unsubscribe": "<mailto:leave@news.example>", "list-id": "<news.example>" } };
    expect(suggestReplies({ ...base, message: newsletter })).toEqual([]);
    const thanks = suggestReplies({ ...base, intent: "thanks_ack" });
    expect(thanks).toHaveLength(1);
    expect(thanks[0].angle).toBe("note");
  });

  it("drops the long matter title rather than break the limits", () => {
    const long: Matter = {
      ...matter,
      title:
        "Comprehensive intellectual property infringement litigation concerning pharmaceutical manufacturing methodologies (international arbitration)",
    };
    const drafts = suggestReplies({ ...base, matter: long });
    expect(drafts).toHaveLength(3);
    for (const d of drafts) {
      expect(d.grade).toBeLessThanOrEqual(8);
      expect(d.text).toContain("2026-0101");
    }
  });

  it("names the matter by its number at least in every draft that is about it, however long its title and the draft", () => {
    const long: Matter = {
      ...matter,
      number: "LIT/2026/000123-AB",
      title: "Re Consolidated Manufacturing Holdings plc and others v Northgate Pharmaceutical Distribution Ltd (arbitration)",
    };
    const intents: SuggestInput["intent"][] = [
      "status_request",
      "documents_sent",
      "document_request",
      "scheduling",
      "billing_question",
      "complaint",
      "urgent_deadline",
      "other",
    ];
    let drafts = 0;
    for (const intent of intents)
      for (const negativeTone of [false, true]) {
        const input: SuggestInput = {
          ...base,
          intent,
          negativeTone,
          unhappyKinds: negativeTone ? ["repeated chasing"] : [],
          matter: long,
          sender: assistant,
          nextDates: [
            { label: "exchange of witness statements", date: "2026-03-12T14:00:00-04:00" },
            { label: "case management conference", date: "2026-03-19" },
          ],
        };
        for (const d of suggestReplies(input)) {
          drafts += 1;
          expect(d.text, `${intent}/${d.label}`).toContain("LIT/2026/000123-AB");
        }
      }
    expect(drafts).toBeGreaterThanOrEqual(intents.length * 2 * 2);
  });

  it("greets without a name when it has none", () => {
    const [d] = suggestReplies({ ...base, contactName: null, message: { ...message, from: { email: "priya@client.example" } } });
    expect(d.text.startsWith("Hello,")).toBe(true);
  });
});

describe("firstName", () => {
  it("reads first names from display names", () => {
    expect(firstName("Lucy Brennan")).toBe("Lucy");
    expect(firstName("Brennan, Lucy")).toBe("Lucy");
    expect(firstName("Dr. Jane Lee")).toBe("Jane");
    expect(firstName('"Siobhán O\'Neill"')).toBe("Siobhán");
    expect(firstName("lucy@x.example")).toBeNull();
    expect(firstName("")).toBeNull();
  });
});

describe("replyHtml", () => {
  it("escapes everything and turns blank lines into paragraphs", () => {
    expect(replyHtml("Hi <b>Al</b> & \"co\",\n\nLine one\nline 'two'")).toBe(
      "<p>Hi &lt;b&gt;Al&lt;/b&gt; &amp; &quot;co&quot;,</p><p>Line one<br>line &#39;two&#39;</p>",
    );
  });

  it("stays under 32 KB, cutting at a word with an ellipsis", () => {
    const text = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} with <tags> & words ünïcödé 😀 `.repeat(5)).join("\n\n");
    const html = replyHtml(text);
    expect(new TextEncoder().encode(html).length).toBeLessThan(32 * 1024);
    expect(html.endsWith("…</p>")).toBe(true);
    expect(html).not.toMatch(/<(?!\/?p>|br>)/);
    expect(html).not.toMatch(/\uFFFD/);
    const small = replyHtml("word ".repeat(50), 120);
    expect(new TextEncoder().encode(small).length).toBeLessThan(120);
    expect(small).toMatch(/word…<\/p>$/);
  });
});
