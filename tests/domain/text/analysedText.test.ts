import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { ANALYSED_HTML_CHARS, ANALYSED_TEXT_CHARS, analysedText } from "@domain/text/analysedText";
import { newTextOf, splitMessageText } from "@domain/text/newText";
import { normalizeText } from "@domain/language/cues";
import { snippetOf } from "@domain/matterLog/snippet";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { triageMessages } from "@domain/assessment/triageMessages";
import type { MailMessage } from "@domain/model/mail";
import { HOSTILE_UNITS, hostileText } from "../../fixtures/hostile/hostileText";
import { identifiedMessage } from "../../fixtures/mailMessage";

// A 1 MB body, hostile or merely large, is analysed from its first ANALYSED_TEXT_CHARS characters only: the whole
// pipeline sees the same text for 1 MB as for 4 MB, so its work is bounded whatever the size (`npm run bench --
// hostile` records the time per 1 MB body; the test runner's timeout is the guard here, no time is asserted).

const MB = 1024 * 1024;
const directory = parseDirectoryJson(readFileSync("data/sample/directory.json", "utf8"));
const meta = JSON.parse(readFileSync("data/sample/meta.json", "utf8")) as { me: string; now: string };
const ME = meta.me.toLowerCase();

function message(bodyText: string): MailMessage {
  return identifiedMessage("<large@example.test>", {
    conversationId: "large",
    subject: "Re: the lease",
    from: { email: directory.clients[0].contacts[0].email },
    to: [{ email: ME }],
    sentAt: "2025-08-20T10:00:00Z",
    receivedAt: "2025-08-20T10:00:00Z",
    bodyText,
  });
}

const triage = (body: string) =>
  triageMessages([{ file: "large.eml", message: message(body) }], { directory, me: [ME], now: meta.now, businessDays: false })[0];

const prose = "Could you please send the signed lease back by Friday? The landlord asked again this morning.\n";
const BODIES: Readonly<Record<string, (size: number) => string>> = {
  "plain prose": (size) => hostileText(prose, size),
  "unclosed HTML comments": (size) => `<html><body><p>Hello</p>${hostileText("<!--", size)}`,
  "HTML paragraphs": (size) => `<html><body>${hostileText(`<p>${prose}</p>`, size)}</body></html>`,
  "questions with no sentence end": (size) => hostileText(HOSTILE_UNITS["a question opener with no sentence end"], size),
  "one endless line of dates": (size) => hostileText(HOSTILE_UNITS["a date mentioned over and over"], size),
};

describe("the text any analysis reads is capped", () => {
  it("cuts text at the cap, never inside a surrogate pair", () => {
    expect(analysedText("short")).toBe("short");
    expect(analysedText("x".repeat(ANALYSED_TEXT_CHARS + 10))).toHaveLength(ANALYSED_TEXT_CHARS);
    const emoji = "x".repeat(ANALYSED_TEXT_CHARS - 1) + "😀" + "y";
    expect(analysedText(emoji)).toHaveLength(ANALYSED_TEXT_CHARS - 1);
  });

  it("splitting, normalising and snippets read at most the cap of a 4 MB body", () => {
    const body = hostileText(prose, 4 * MB);
    expect(newTextOf(body).length).toBeLessThanOrEqual(ANALYSED_TEXT_CHARS);
    const parts = splitMessageText(body);
    expect(parts.newText.length + parts.quoted.length + parts.forwarded.length + parts.signature.length).toBeLessThanOrEqual(
      ANALYSED_TEXT_CHARS,
    );
    expect(normalizeText(body).length).toBeLessThanOrEqual(ANALYSED_TEXT_CHARS);
    expect(snippetOf(body).length).toBeLessThanOrEqual(200);
  });

  it("reads at most ten times the cap of HTML markup", () => {
    const html = `<html><body>${"<p>a</p>".repeat(ANALYSED_HTML_CHARS / 8)}<p>LATE WORDS</p></body></html>`;
    expect(splitMessageText(html).newText).not.toContain("LATE WORDS");
  });

  it.each(Object.entries(BODIES))(
    "triage of a 1 MB body of %s finishes and equals that of a 4 MB one",
    (_what, body) => {
      const one = triage(body(MB));
      expect(one.error).toBeUndefined();
      expect(one.clientId).toBe(directory.clients[0].id);
      expect(triage(body(4 * MB))).toEqual(one);
    },
    30_000,
  );
});
