import { describe, expect, it } from "vitest";
import { editAt, ownPartOfDraft, replaceInHtml, replaceInText } from "@features/replies/draftEdits";
import { MatterlineError } from "@domain/errors";

describe("draft edits", () => {
  it("names a span by its phrase and how many times it came before", () => {
    const text = "We shall call. You shall pay. They shall sign.";
    const start = text.indexOf("shall", text.indexOf("shall") + 1);
    expect(editAt(text, start, start + 5)).toEqual({ phrase: "shall", occurrence: 1 });
    expect(replaceInText(text, { phrase: "shall", occurrence: 1 }, "must")).toBe("We shall call. You must pay. They shall sign.");
  });

  it("matches phrases across any white space, and deletes with an empty replacement", () => {
    expect(replaceInText("Sent pursuant\nto the order.", { phrase: "pursuant to", occurrence: 0 }, "under")).toBe("Sent under the order.");
    expect(replaceInText("We hereby agree.", { phrase: "hereby", occurrence: 0 }, "")).toBe("We agree.");
  });

  it("replaces only text in HTML: entities decoded for matching, tags inside the phrase kept", () => {
    const html = "<div>Tom &amp; Jerry <b>hereby</b> agree</div><div>pursuant&nbsp;<i>to</i> the deal</div>";
    expect(replaceInHtml(html, { phrase: "hereby", occurrence: 0 }, "now")).toBe(
      "<div>Tom &amp; Jerry <b>now</b> agree</div><div>pursuant&nbsp;<i>to</i> the deal</div>",
    );
    expect(replaceInHtml(html, { phrase: "pursuant to", occurrence: 0 }, "under")).toBe(
      "<div>Tom &amp; Jerry <b>hereby</b> agree</div><div>under<i></i> the deal</div>",
    );
    expect(replaceInHtml("<p>A &amp; B</p>", { phrase: "A & B", occurrence: 0 }, "<both>")).toBe("<p>&lt;both&gt;</p>");
  });

  it("never matches inside tags, comments or styles, nor joins words across block breaks", () => {
    const html = '<style>.shall{}</style><!-- shall --><div class="shall">You shall</div><div>pay</div>';
    expect(replaceInHtml(html, { phrase: "shall", occurrence: 0 }, "must")).toBe(
      '<style>.shall{}</style><!-- shall --><div class="shall">You must</div><div>pay</div>',
    );
    expect(() => replaceInHtml(html, { phrase: "shall pay", occurrence: 0 }, "x")).not.toThrow(); // a line break is white space
    expect(() => replaceInHtml("<p>Hello</p>", { phrase: "Hello", occurrence: 1 }, "x")).toThrow(MatterlineError);
  });

  it("rejects with not-found when the words are gone", () => {
    try {
      replaceInText("All plain now.", { phrase: "forthwith", occurrence: 0 }, "now");
      expect.unreachable();
    } catch (e) {
      expect((e as MatterlineError).code).toBe("not-found");
    }
  });

  it("keeps only the attorney's own part of a reply draft, at the same offsets", () => {
    const text = "Thanks, we shall reply.\n\nFrom: Dana\nSent: today\n\nWhere are we?";
    expect(ownPartOfDraft(text, "From: Dana\nSent: today\n\nWhere are we?")).toBe("Thanks, we shall reply.");
    expect(ownPartOfDraft("Just me.", "")).toBe("Just me.");
  });
});
