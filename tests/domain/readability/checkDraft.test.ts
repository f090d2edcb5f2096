import { describe, expect, it } from "vitest";
import { unified } from "unified";
import retextEnglish from "retext-english";
import retextSimplify from "retext-simplify";
import { VFile } from "vfile";
import { applySuggestion, checkDraft, type Finding } from "@domain/readability";
import { SIMPLIFY_PATTERNS } from "@domain/readability/simplifyPatterns";

const brief = (fs: readonly Finding[]) => fs.map((f) => [f.kind, f.text, f.start, f.end, f.suggestion]);

describe("checkDraft: legal supplement", () => {
  it("flags legalese with exact spans and plain, case-matched replacements", () => {
    const t = "Prior to the hearing, the said agreement shall be signed forthwith.";
    const r = checkDraft(t);
    expect(brief(r.findings.filter((f) => f.kind === "jargon"))).toEqual([
      ["jargon", "Prior to", 0, 8, "Before"],
      ["jargon", "the said", 22, 30, "the"],
      ["jargon", "shall", 41, 46, "will"],
      ["jargon", "forthwith", 57, 66, "at once"],
    ]);
    for (const f of r.findings) expect(t.slice(f.start, f.end)).toBe(f.text);
  });

  it("knows the Latin and the here-/there- words", () => {
    const t =
      "Inter alia, the terms herein and hereinafter apply, notwithstanding clause 4, in lieu of cash, per se, whereas pursuant to the deed we act.";
    const got = checkDraft(t)
      .findings.filter((f) => f.kind === "jargon")
      .map((f) => [f.text, f.start, f.replacement]);
    expect(got).toEqual([
      ["Inter alia", 0, "Among other things"],
      ["herein", 22, "here"],
      ["hereinafter", 33, null], // a definition to rewrite: advice, not a click
      ["notwithstanding", 52, "despite"],
      ["in lieu of", 78, "instead of"],
      ["per se", 95, "in itself"],
      ["whereas", 103, null], // "because" or "while" depends on the sense: advice
      ["pursuant to", 111, "under"],
    ]);
  });

  it("tells 'said' the adjective from 'said' the verb", () => {
    const said = (t: string) =>
      checkDraft(t)
        .findings.filter((f) => f.text.toLowerCase().includes("said"))
        .map((f) => [f.text, f.start]);
    expect(said("Under said lease we may act.")).toEqual([["said", 6]]);
    expect(said("Said party must pay.")).toEqual([["Said", 0]]);
    expect(said("The judge said that he will rule.")).toEqual([]);
    expect(said("She said the lease ends soon.")).toEqual([]);
    expect(said("As I said, we will call.")).toEqual([]);
  });

  it("does not match inside longer words", () => {
    expect(checkDraft("The shallow pond is a hereditary matter.").findings).toEqual([]);
  });
});

describe("checkDraft: wordy phrases from retext-simplify", () => {
  it("flags wordy phrases with their plain alternatives", () => {
    const t = "We need a number of papers in order to help you.";
    expect(brief(checkDraft(t).findings)).toEqual([
      ["wordy", "a number of", 8, 19, "many"],
      ["wordy", "in order to", 27, 38, "to"],
    ]);
  });

  it("has the same table as the installed retext-simplify plugin", async () => {
    const processor = unified().use(retextEnglish).use(retextSimplify);
    const mismatches: string[] = [];
    for (const [phrase, alternatives] of SIMPLIFY_PATTERNS) {
      const text = `Go ${phrase} now.`;
      const file = new VFile(text);
      await processor.run(processor.parse(text), file);
      const expected = file.messages.find((m) => String(m.actual).toLowerCase() === phrase)?.expected ?? null;
      // the plugin's tokenizer splits "and/or" and never reports it; we still do
      if (expected === null && /[^\p{L}\s.'-]/u.test(phrase)) continue;
      if (JSON.stringify(expected) !== JSON.stringify(alternatives)) mismatches.push(phrase);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("checkDraft: long sentences and passive voice", () => {
  it("flags a sentence over 20 words with its span", () => {
    const long = "We will look at the papers you sent and then we will write to you and to the other side about the next step soon.";
    const t = `Thanks. ${long} Bye.`;
    const f = checkDraft(t).findings.filter((x) => x.kind === "long-sentence");
    expect(f.map((x) => [x.start, x.end])).toEqual([[8, 8 + long.length]]);
    expect(f[0].replacement).toBeNull();
    expect(checkDraft(t).sentences.map((s) => s.words)).toEqual([1, 25, 1]);
  });

  it("flags passive voice, regular and irregular, but not feelings", () => {
    const t = "The forms were sent on Monday. The claim was not filed. We are pleased. I am worried about it. The fee is being reviewed.";
    expect(checkDraft(t).findings.map((f) => [f.kind, f.text, f.start, f.end])).toEqual([
      ["passive", "were sent", 10, 19],
      ["passive", "was not filed", 41, 54],
      ["passive", "is being reviewed", 103, 120],
    ]);
  });

  it("gives grade and reading ease overall and per sentence", () => {
    const r = checkDraft("We got your email. Notwithstanding the aforementioned considerations, the indemnification obligations subsist.");
    expect(r.sentences).toHaveLength(2);
    expect(r.sentences[1].grade).toBeGreaterThan(r.sentences[0].grade);
    expect(r.grade).toBeGreaterThan(8);
    expect(r.readingEase).toBeLessThan(60);
  });
});

describe("applySuggestion", () => {
  it("replaces one finding, keeping case", () => {
    const t = "Prior to Friday, please reply.";
    const [f] = checkDraft(t).findings;
    expect(applySuggestion(t, f)).toBe("Before Friday, please reply.");
  });

  it("deletes a phrase that should go, tidying spaces and the capital", () => {
    const t = "Please be advised that the hearing moved. We hereby confirm it.";
    let out = t;
    for (const f of [...checkDraft(t).findings].reverse()) out = applySuggestion(out, f);
    expect(out).toBe("The hearing moved. We confirm it.");
  });

  it("finds the phrase again when the text moved, and leaves unfixable findings alone", () => {
    const t = "We shall call.";
    const [f] = checkDraft(t).findings;
    expect(applySuggestion(`Hi. ${t}`, f)).toBe("Hi. We will call.");
    expect(applySuggestion("Nothing here.", f)).toBe("Nothing here.");
    const passive = checkDraft("It was sent.").findings[0];
    expect(applySuggestion("It was sent.", passive)).toBe("It was sent.");
  });
});
