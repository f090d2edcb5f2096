import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { isPublicMailDomain } from "@domain/directory/publicDomains";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { recognize } from "@domain/recognition/recognize";
import { testDirectory } from "./fixtures";
import { identifiedMessage } from "../../fixtures/mailMessage";

describe("isPublicMailDomain: exact domains from a maintained list", () => {
  it("knows the providers people write from, in their country forms", () => {
    for (const d of ["gmail.com", "googlemail.com", "outlook.com", "hotmail.co.uk", "live.co.uk", "yahoo.co.uk", "icloud.com"])
      expect(isPublicMailDomain(d), d).toBe(true);
    for (const d of ["btinternet.com", "sky.com", "aol.com", "proton.me", "gmx.de", "web.de", "mail.com", "email.com", "fastmail.com"])
      expect(isPublicMailDomain(d), d).toBe(true);
  });

  it("does not count a company's own mail host as webmail because of its first label", () => {
    for (const d of ["mail.acmeholdings.com", "email.clientco.co.uk", "outlook.acme.com", "web.harbourkitchens.co.uk", "me.lawfirm.com"])
      expect(isPublicMailDomain(d), d).toBe(false);
  });

  it("matches case-insensitively and ignores a trailing dot", () => {
    expect(isPublicMailDomain("GMail.COM")).toBe(true);
    expect(isPublicMailDomain("gmail.com.")).toBe(true);
  });

  it("reads a reserved test domain as the provider of the same name", () => {
    for (const d of ["gmail.test", "outlook.example", "yahoo.example", "btinternet.example"]) expect(isPublicMailDomain(d), d).toBe(true);
    for (const d of ["tidewell.test", "mail.acmeholdings.example", "gmail.acme.test"]) expect(isPublicMailDomain(d), d).toBe(false);
  });

  it("counts none of the sample firm's client or opposing domains as public", () => {
    const directory = parseDirectoryJson(readFileSync("data/sample/directory.json", "utf8"));
    const domains = [
      ...directory.clients.flatMap((c) => c.domains),
      ...directory.matters.flatMap((m) => (m.opposing ?? []).flatMap((o) => o.domains ?? [])),
    ];
    expect(domains.length).toBeGreaterThan(10);
    expect(domains.filter(isPublicMailDomain)).toEqual([]);
  });
});

describe("a client whose own mail host starts like a webmail name", () => {
  it("is recognised from its domain", () => {
    const dir = testDirectory();
    const index = buildDirectoryIndex({
      ...dir,
      clients: [
        ...dir.clients,
        { id: "k9", name: "Acme Holdings", domains: ["mail.acmeholdings.com", "email.clientco.co.uk"], contacts: [] },
      ],
    });
    expect(index.clientsByDomain.get("mail.acmeholdings.com")).toEqual(["k9"]);
    const message = identifiedMessage("<a@x>", {
      conversationId: "c-a",
      subject: "Board minutes",
      from: { email: "finance@email.clientco.co.uk" },
      to: [{ email: "ruth@ashbyquill.test" }],
      sentAt: "2026-03-02T15:00:00Z",
      receivedAt: "2026-03-02T15:00:00Z",
      bodyText: "Please find the minutes attached.",
    });
    const r = recognize(message, { index, me: ["ruth@ashbyquill.test"] });
    expect(r.clientId).toBe("k9");
    expect(r.reasons.join("\n")).toMatch(/email\.clientco\.co\.uk is the mail domain of Acme Holdings/);
  });
});
