import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseEml } from "@adapters/mime/parseEml";
import { MatterlineError } from "@domain/errors";

const mailDir = join(__dirname, "../../../data/sample/mail");

describe("parseEml", () => {
  it("parses every sample message with sender, date, id and text", async () => {
    for (const file of readdirSync(mailDir)) {
      const m = await parseEml(readFileSync(join(mailDir, file)));
      expect(m.internetMessageId, file).toMatch(/^<.+>$/);
      expect(m.from?.email, file).toMatch(/@/);
      expect(m.sentAt, file).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(m.bodyText.length, file).toBeGreaterThan(10);
    }
  });

  it("decodes quoted-printable bodies and RFC 2047 names", async () => {
    const raw = [
      "From: =?UTF-8?Q?Zo=C3=AB_Hale?= <Zoe@Example.COM>",
      "To: a@firm.example",
      "Subject: =?UTF-8?B?UmU6IG5pw7FvIOKAkyBjYWxs?=",
      "Date: Tue, 12 Aug 2025 10:00:00 +0200",
      "Message-ID: <x1@example.com>",
      "Content-Type: text/plain; charset=UTF-8",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      "Fee of =C2=A3540 is fine, a lo=",
      "ng line.",
    ].join("\r\n");
    const m = await parseEml(raw);
    expect(m.from).toEqual({ name: "Zoë Hale", email: "zoe@example.com" });
    expect(m.subject).toBe("Re: niño – call");
    expect(m.sentAt).toBe("2025-08-12T08:00:00.000Z");
    expect(m.bodyText).toContain("£540 is fine, a long line.");
  });

  it("falls back to the HTML part as text, keeping blockquotes as quotes", async () => {
    const raw = [
      "From: a@b.example",
      "Date: Tue, 12 Aug 2025 10:00:00 +0000",
      "Message-ID: <h@b>",
      "Content-Type: text/html; charset=UTF-8",
      "",
      "<p>Hello &amp; welcome</p><blockquote><p>old text</p></blockquote>",
    ].join("\r\n");
    const m = await parseEml(raw);
    expect(m.bodyText).toBe("Hello & welcome\n\n> old text");
  });

  it("reads folded headers as one line, recipients in the order written", async () => {
    const raw = [
      "From: A <a@x.example>",
      "To: b@x.example, C <c@x.example>,",
      "\td@x.example",
      "Subject: a long",
      "\tfolded   subject",
      "Date: Tue, 12 Aug 2025 10:00:00 +0000",
      "Message-ID: <m@x>",
      "References: <a@x>",
      " <b@x>",
      "List-Unsubscribe: <mailto:u@x.example>,",
      "\t<https://x.example/u>",
      "",
      "Body",
    ].join("\r\n");
    const m = await parseEml(raw);
    expect(m.subject).toBe("a long folded subject");
    expect(m.to.map((a) => a.email)).toEqual(["b@x.example", "c@x.example", "d@x.example"]);
    expect(m.references).toEqual(["<a@x>", "<b@x>"]);
    expect(m.headers?.["list-unsubscribe"]).toBe("<mailto:u@x.example>, <https://x.example/u>");
  });

  it("refuses a message nested past the parser's limits with a clear error", async () => {
    const depth = 300;
    const lines = ["From: a@b.example", "Date: Tue, 12 Aug 2025 10:00:00 +0000", "Message-ID: <deep@b>"];
    for (let i = 0; i < depth; i++) lines.push(`Content-Type: multipart/mixed; boundary="b${i}"`, "", `--b${i}`);
    lines.push("Content-Type: text/plain", "", "bottom");
    const error = await parseEml(lines.join("\r\n")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MatterlineError);
    expect((error as MatterlineError).message).toBe("This file is not a readable email message.");
  });

  it("rejects a file with no headers", async () => {
    await expect(parseEml("just some words\r\nno headers")).rejects.toBeInstanceOf(MatterlineError);
  });
});
