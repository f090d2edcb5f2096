import { describe, expect, it } from "vitest";
import { htmlToText } from "@domain/text/htmlToText";
import { scanHtml } from "@domain/text/htmlTokens";

/** Characters the one-pass scanner examined for `html` (its own work counter). */
function work(html: string): number {
  return scanHtml(html, { text: () => undefined, tag: () => undefined });
}

describe("htmlToText: entities", () => {
  it("decodes a code point past U+10FFFF or a surrogate to U+FFFD instead of throwing", () => {
    expect(htmlToText("<p>a&#x110000;b &#1114112; c&#xD800;d</p>")).toBe("a\uFFFDb \uFFFD c\uFFFDd");
  });

  it("decodes every named entity, not only a short list", () => {
    expect(htmlToText("<p>&sect; 4 &eacute;t&eacute; &bull; caf&eacute; &amp; &lt;b&gt; &hellip;</p>")).toBe("§ 4 été • café & <b> …");
  });

  it("decodes entities the way a browser shows them, legacy forms included", () => {
    expect(htmlToText("<div>&copy 2026 &#163;5 &#x2014; AT&T</div>")).toBe("© 2026 £5 — AT&T");
  });

  it("keeps decoded markup as text, never as tags", () => {
    expect(htmlToText("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe("<script>alert(1)</script>");
  });
});

describe("htmlToText: structure", () => {
  it("turns blocks into lines and keeps a quote prefix inside blockquotes", () => {
    const html =
      "<html><body><p>Please call me.</p><div>Thanks</div><blockquote><p>Old</p><blockquote>Older</blockquote></blockquote></body></html>";
    expect(htmlToText(html)).toBe("Please call me.\n\nThanks\n> Old\n\n> > Older");
  });

  it("drops comments, script, style, head and title content", () => {
    const html =
      "<html><head><title>T</title><style>p{color:red}</style></head><body><!-- hidden -->Hi<script>var x = '<p>no</p>';</script> there</body></html>";
    expect(htmlToText(html)).toBe("Hi there");
  });

  it("reads a '<' that opens no tag as text", () => {
    expect(htmlToText("<p>a < b and 3 <= 4 <> 5</p>")).toBe("a < b and 3 <= 4 <> 5");
  });

  it("hides everything after an unclosed comment or script, as a browser does", () => {
    expect(htmlToText("<p>Before</p><!-- never closed <p>After</p>")).toBe("Before");
    expect(htmlToText("<p>Before</p><script>never closed <p>After</p>")).toBe("Before");
  });

  it("keeps the text after an unclosed head or title", () => {
    expect(htmlToText("<html><head><meta charset='utf-8'><body><p>Still here</p>")).toBe("Still here");
  });
});

describe("htmlToText: one linear pass over hostile HTML", () => {
  const openers = ["<!--", "<script>", "<style>", "<head>", "<title>", "<a ", "<", "</", "<!", "&#x110000;", "&#"];

  it.each(openers)("examines about each character once for runs of unclosed %j", (opener) => {
    const sizes = [16, 32, 64].map((kb) => "<p>x</p>" + opener.repeat(Math.ceil((kb * 1024) / opener.length)));
    const counts = sizes.map(work);
    sizes.forEach((html, k) => expect(counts[k]).toBeLessThanOrEqual(2 * html.length));
    // Doubling the input doubles the work (a rescan per opener would quadruple it).
    expect(counts[1] / counts[0]).toBeLessThan(2.2);
    expect(counts[2] / counts[1]).toBeLessThan(2.2);
  });

  it("examines about each character once when openers and their closers interleave", () => {
    const html = "<p>x</p>" + "<head><!-- a --><script>b</script><title>c</title>d</head>".repeat(2000);
    expect(work(html)).toBeLessThanOrEqual(2 * html.length);
  });

  it.each(openers)("turns 1 MB of %j into text (the test's timeout is the guard)", (opener) => {
    const html = "<p>Start</p>" + opener.repeat(Math.ceil((1024 * 1024) / opener.length));
    expect(htmlToText(html).startsWith("Start")).toBe(true);
  });
});
