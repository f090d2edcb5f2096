import { describe, expect, it } from "vitest";
import { assignThreads, normalizeSubject } from "@domain/threading/assignThreads";
import type { MailMessage } from "@domain/model/mail";
import { identifiedMessage } from "../../fixtures/mailMessage";

let n = 0;
function msg(p: Partial<MailMessage> & { id: string }): MailMessage {
  n++;
  return identifiedMessage(p.id, {
    from: { email: "a@x.test" },
    to: [{ email: "b@y.test" }],
    sentAt: `2026-03-0${1 + (n % 8)}T10:00:00.000Z`,
    ...p,
  });
}

describe("normalizeSubject", () => {
  it("strips reply and forward prefixes in several languages, repeated, and whitespace", () => {
    expect(normalizeSubject("RE: Fwd:  AW: WG:   Lease   terms ")).toBe("lease terms");
    expect(normalizeSubject("Re[2]: FW: Dock 9")).toBe("dock 9");
    expect(normalizeSubject("Reorganisation plan")).toBe("reorganisation plan");
  });
});

describe("assignThreads", () => {
  it("links by In-Reply-To and References, in any file order", () => {
    const a = msg({ id: "<a>", subject: "Dock 9", sentAt: "2026-03-01T10:00:00Z" });
    const b = msg({ id: "<b>", subject: "RE: Dock 9", inReplyTo: "<a>", references: ["<a>"], sentAt: "2026-03-02T10:00:00Z" });
    const c = msg({ id: "<c>", subject: "Re: Dock 9", references: ["<a>", "<b>"], sentAt: "2026-03-03T10:00:00Z" });
    const t = assignThreads([c, a, b]);
    expect(t.get("<a>")).toBe("<a>");
    expect(t.get("<b>")).toBe("<a>");
    expect(t.get("<c>")).toBe("<a>");
  });

  it("links siblings through a parent missing from the folder", () => {
    const t = assignThreads([
      msg({ id: "<s1>", subject: "Re: x", inReplyTo: "<gone>", sentAt: "2026-03-01T10:00:00Z" }),
      msg({ id: "<s2>", subject: "Re: x", inReplyTo: "<gone>", sentAt: "2026-03-02T10:00:00Z" }),
    ]);
    expect(t.get("<s1>")).toBe(t.get("<s2>"));
  });

  it("falls back to the normalized subject for a header-less reply between the same people", () => {
    const a = msg({
      id: "<a>",
      subject: "Closing checklist",
      from: { email: "ivy@t.test" },
      to: [{ email: "ruth@f.test" }],
      sentAt: "2026-03-01T10:00:00Z",
    });
    const b = msg({
      id: "<b>",
      subject: "RE:  closing checklist",
      from: { email: "ruth@f.test" },
      to: [{ email: "ivy@t.test" }],
      sentAt: "2026-03-02T10:00:00Z",
    });
    const stranger = msg({
      id: "<c>",
      subject: "Re: Closing checklist",
      from: { email: "z@q.test" },
      to: [{ email: "w@q.test" }],
      sentAt: "2026-03-03T10:00:00Z",
    });
    const fresh = msg({
      id: "<d>",
      subject: "Closing checklist",
      from: { email: "ivy@t.test" },
      to: [{ email: "ruth@f.test" }],
      sentAt: "2026-03-04T10:00:00Z",
    });
    const t = assignThreads([a, b, stranger, fresh]);
    expect(t.get("<b>")).toBe("<a>");
    expect(t.get("<c>")).toBe("<c>");
    expect(t.get("<d>")).toBe("<d>");
  });

  it("starts a new thread at a forward, and keeps replies to the forward in it", () => {
    const a = msg({ id: "<a>", subject: "Notice of hearing", sentAt: "2026-03-01T10:00:00Z" });
    const fw = msg({ id: "<fw>", subject: "FW: Notice of hearing", inReplyTo: "<a>", references: ["<a>"], sentAt: "2026-03-02T10:00:00Z" });
    const r = msg({
      id: "<r>",
      subject: "RE: FW: Notice of hearing",
      inReplyTo: "<fw>",
      references: ["<a>", "<fw>"],
      sentAt: "2026-03-03T10:00:00Z",
    });
    const t = assignThreads([a, fw, r]);
    expect(t.get("<fw>")).toBe("<fw>");
    expect(t.get("<r>")).toBe("<fw>");
    expect(t.get("<a>")).toBe("<a>");
  });
});
