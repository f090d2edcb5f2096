import { describe, expect, it } from "vitest";
import { checkSend } from "@domain/sendGuard";
import { draft, guardIndex } from "./fixture";

const index = guardIndex();
const kinds = (ws: ReturnType<typeof checkSend>) => ws.map((w) => `${w.kind} ${w.recipient}`);

describe("checkSend: mail that needs no warning", () => {
  it("internal mail, however it is written, gives none", () => {
    expect(
      checkSend(index, draft({ to: ["omar@ashbyquill.test"], cc: ["ruth@ashbyquill.test"], subject: "2026-0120 and 2026-0101" })),
    ).toEqual([]);
  });

  it("mail to people the directory does not know, with no near miss, gives none", () => {
    expect(checkSend(index, draft({ to: ["someone@unrelated.test", "pat@example.org"], subject: "Lunch" }))).toEqual([]);
  });

  it("mail to one client about its own matter gives none", () => {
    const mail = draft({
      to: ["ivy@tidewell.test"],
      cc: ["sam.ortiz@tidewell.test", "omar@ashbyquill.test"],
      subject: "RE: Dock 9 lease [2026-0102]",
    });
    expect(checkSend(index, mail)).toEqual([]);
  });

  it("joint clients declared on the matter are not warned about, with or without the matter known", () => {
    const about = draft({ to: ["percy.l@gmail.test", "nadia.rowe@outlook.test"], subject: "Fernhill Drive: completion 2026-0111" });
    expect(checkSend(index, about)).toEqual([]);
    expect(checkSend(index, { ...about, subject: "Completion" })).toEqual([]);
    expect(checkSend(index, { ...about, subject: "Completion" }, { matterIds: ["x5"] })).toEqual([]);
  });
});

describe("checkSend: other-client", () => {
  it("names another client's contact when the matter is cited", () => {
    const ws = checkSend(index, draft({ to: ["ivy@tidewell.test"], cc: ["mae@coralline.test"], subject: "Cruncho opposition 2026-0101" }));
    expect(kinds(ws)).toEqual(["other-client mae@coralline.test"]);
    expect(ws[0].reason).toBe(
      "mae@coralline.test is a contact of Coralline Studio LLC, but this email is about matter 2026-0101 (Tidewell Foods Inc).",
    );
    expect(ws[0].suggestion).toBeNull();
    expect(ws[0].fixes).toEqual([{ kind: "remove" }]);
  });

  it("uses the matter chosen in the pane (by directory id) before anything written", () => {
    const ws = checkSend(index, draft({ to: ["ivy@tidewell.test"], subject: "Hello" }), { matterIds: ["x6"] });
    expect(kinds(ws)).toEqual(["other-client ivy@tidewell.test"]);
    expect(ws[0].reason).toContain("2026-0120 (Coralline Studio LLC)");
  });

  it("an address at another client's domain counts as that client's", () => {
    expect(kinds(checkSend(index, draft({ to: ["ivy@tidewell.test"], cc: ["new.person@coralline.test"], subject: "2026-0102" })))).toEqual([
      "other-client new.person@coralline.test",
    ]);
  });

  it("with no matter known, recipients of two clients are warned about (the To line's client is the main one)", () => {
    const ws = checkSend(index, draft({ to: ["mae@coralline.test"], cc: ["percy.l@gmail.test"], subject: "Update" }));
    expect(kinds(ws)).toEqual(["other-client percy.l@gmail.test"]);
    expect(ws[0].reason).toBe(
      "percy.l@gmail.test is a contact of Percy Lindqvist, but this email also goes to Coralline Studio LLC (mae@coralline.test).",
    );
  });

  it("the other side of the matter is not another client", () => {
    expect(checkSend(index, draft({ to: ["dee@hollisfarr.test"], subject: "2026-0101 opposition" }))).toEqual([]);
  });
});

describe("checkSend: client-and-opposing", () => {
  it("warns about the client in To or Cc beside the other side, and offers Bcc", () => {
    const ws = checkSend(index, draft({ to: ["dee@hollisfarr.test"], cc: ["ivy@tidewell.test"], subject: "2026-0101" }));
    expect(kinds(ws)).toEqual(["client-and-opposing ivy@tidewell.test"]);
    expect(ws[0].reason).toBe(
      "ivy@tidewell.test of Tidewell Foods Inc is copied beside dee@hollisfarr.test, the other side on 2026-0101, so a reply to all would reach your client directly.",
    );
    expect(ws[0].fixes[0]).toEqual({ kind: "move-to-bcc" });
  });

  it("the other side's domain counts, and no matter needs to be cited", () => {
    expect(kinds(checkSend(index, draft({ to: ["percy.l@gmail.test", "closing@birchtitle.test"], subject: "Closing" })))).toEqual([
      "client-and-opposing percy.l@gmail.test",
    ]);
  });

  it("the client in Bcc is what the warning asks for: no warning", () => {
    expect(checkSend(index, draft({ to: ["dee@hollisfarr.test"], bcc: ["ivy@tidewell.test"], subject: "2026-0101" }))).toEqual([]);
  });
});

describe("checkSend: lookalike", () => {
  const look = (address: string, subject = "Hello") =>
    checkSend(index, draft({ to: [address], subject })).filter((w) => w.kind === "lookalike");

  it.each([
    ["swapped letters in a client's domain", "ivy@tidwell.test", "ivy@tidewell.test"],
    ["a dropped letter", "sam.ortiz@tidewel.test", "sam.ortiz@tidewell.test"],
    ["another top-level domain", "kari.halvorsen@halvorsenmarine.com", "kari.halvorsen@halvorsenmarine.co.uk"],
    ["a contact's name a letter off at the client's domain", "sam.ortis@tidewell.test", "sam.ortiz@tidewell.test"],
    ["a public provider's other ending", "percy.l@gmail.com", "percy.l@gmail.test"],
    ["a name a letter off at the same provider", "nadia.rowes@outlook.test", "nadia.rowe@outlook.test"],
    ["the provider's name mistyped", "percy.l@gmial.test", "percy.l@gmail.test"],
    ["the firm's own domain", "ruth@ashbyquil.test", "ruth@ashbyquill.test"],
  ])("%s", (_, address, resembles) => {
    const ws = look(address);
    expect(ws.map((w) => [w.recipient, w.suggestion])).toEqual([[address, resembles]]);
    expect(ws[0].fixes).toEqual([{ kind: "replace", with: resembles }, { kind: "remove" }]);
    expect(ws[0].reason).toMatch(new RegExp(`^${address.replace(/\./g, "\\.")} is not in the directory and looks like `));
  });

  it("a stranger at a public provider, and short names a letter apart, are not lookalikes", () => {
    expect(look("someone.else@gmail.test")).toEqual([]);
    expect(look("ava@tidewell.test")).toEqual([]); // "ivy" is too short for a letter to say anything
    expect(look("mae@coralline.test")).toEqual([]);
  });
});

describe("checkSend: matter-mismatch and attachment-other-matter", () => {
  it("warns when the subject cites another client's matter", () => {
    const ws = checkSend(index, draft({ to: ["ivy@tidewell.test"], subject: "RE: Pier 4 lease OQ/0120" }));
    expect(kinds(ws)).toEqual(["matter-mismatch ivy@tidewell.test"]);
    expect(ws[0].reason).toBe(
      "The subject cites matter 2026-0120 (Coralline Studio LLC), but this email goes to Tidewell Foods Inc (ivy@tidewell.test).",
    );
  });

  it("a citation in the body counts too, a 'their ref' does not", () => {
    expect(kinds(checkSend(index, draft({ to: ["mae@coralline.test"], bodyText: "See 2026-0101 and Dock 9." })))).toEqual([
      "matter-mismatch mae@coralline.test",
    ]);
    expect(checkSend(index, draft({ to: ["mae@coralline.test"], bodyText: "Their ref: 2026-0101." }))).toEqual([]);
  });

  it("warns about an attachment named for another client's matter, however the name is written", () => {
    for (const name of ["Draft_2026-0120_v2.docx", "OQ-0120 letter.pdf".replace("OQ-", "OQ/"), "Completion statement 2026-0120.pdf"]) {
      const ws = checkSend(index, draft({ to: ["ivy@tidewell.test"], subject: "2026-0101", attachmentNames: [name] }));
      expect(kinds(ws)).toEqual(["attachment-other-matter ivy@tidewell.test"]);
      expect(ws[0].fixes[0]).toEqual({ kind: "remove-attachment", name });
    }
  });

  it("says nothing when the recipients are unknown (whose mail it is cannot be told)", () => {
    expect(checkSend(index, draft({ to: ["expert@unrelated.test"], subject: "2026-0101", attachmentNames: ["2026-0120.pdf"] }))).toEqual(
      [],
    );
  });
});

describe("checkSend: hostile drafts", () => {
  it("reads a bounded part of an oversized draft and still answers", () => {
    const many = Array.from({ length: 5000 }, (_, i) => `person${i}@unrelated${i}.test`);
    const ws = checkSend(
      index,
      draft({
        to: ["ivy@tidewell.test", ...many, "mae@coralline.test"],
        subject: "x".repeat(1_000_000),
        bodyText: "2026-".repeat(200_000),
      }),
    );
    // mae is past the 500 recipients read, so only what was read is judged.
    expect(ws).toEqual([]);
  });

  it("ignores addresses that are not addresses", () => {
    expect(checkSend(index, draft({ to: ["not an address", "", `${"a".repeat(400)}@tidewell.test`] }))).toEqual([]);
  });
});
