import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { MailMessage } from "@domain/model/mail";
import { automatedKind } from "@domain/language/automated";
import { parseEml } from "@adapters/mime/parseEml";
import { mailMessage } from "../../fixtures/mailMessage";

/** A client's plain question; each test adds the marks of automated mail. */
function mail(over: Partial<MailMessage>): MailMessage {
  return mailMessage({ subject: "Lease", from: { email: "pat@client.test" }, bodyText: "Can you call me?", headers: {}, ...over });
}

describe("automatedKind", () => {
  it("is null for ordinary mail", () => {
    expect(automatedKind(mail({}))).toBeNull();
    expect(automatedKind(mail({ bodyText: "I'm on holiday until Monday, I will sign then." }))).toBeNull();
    expect(automatedKind(mail({ bodyText: "I am out of the office tomorrow - can we talk today?" }))).toBeNull();
  });
  it("reads auto-reply headers and subjects", () => {
    expect(automatedKind(mail({ headers: { "auto-submitted": "auto-replied" } }))).toBe("auto-reply");
    expect(automatedKind(mail({ headers: { "x-autoreply": "yes" } }))).toBe("auto-reply");
    expect(automatedKind(mail({ headers: { precedence: "auto_reply" } }))).toBe("auto-reply");
    expect(automatedKind(mail({ subject: "Automatic reply: RE: Lease" }))).toBe("auto-reply");
    expect(automatedKind(mail({ subject: "Out of Office: Lease" }))).toBe("auto-reply");
  });
  it("reads an out-of-office body with no header", () => {
    const body =
      "Thank you for your email. I am out of the office until 4 May with limited access to email. For anything urgent please call 01234 567890.";
    expect(automatedKind(mail({ subject: "RE: Lease", bodyText: body }))).toBe("auto-reply");
  });
  it("reads newsletters, no-reply senders, bulk and receipts", () => {
    expect(automatedKind(mail({ headers: { "list-unsubscribe": "<mailto:u@news.test>" } }))).toBe("newsletter");
    expect(automatedKind(mail({ headers: { "list-id": "<weekly.news.test>" } }))).toBe("newsletter");
    expect(automatedKind(mail({ from: { email: "newsletter@shop.test" } }))).toBe("newsletter");
    expect(automatedKind(mail({ from: { email: "no-reply@bank.test" } }))).toBe("no-reply-sender");
    expect(automatedKind(mail({ from: { email: "registry.noreply@gov.test" } }))).toBe("no-reply-sender");
    expect(automatedKind(mail({ from: { email: "donotreply@gov.test" } }))).toBe("no-reply-sender");
    expect(automatedKind(mail({ from: { email: "notifications@portal.test" } }))).toBe("bulk");
    expect(automatedKind(mail({ headers: { precedence: "bulk" } }))).toBe("bulk");
    expect(automatedKind(mail({ headers: { "auto-submitted": "auto-generated" } }))).toBe("bulk");
    expect(automatedKind(mail({ subject: "Read: Lease" }))).toBe("read-receipt");
    expect(automatedKind(mail({ headers: { "content-type": "multipart/report; report-type=disposition-notification" } }))).toBe(
      "read-receipt",
    );
    expect(automatedKind(mail({ from: { email: "mailer-daemon@mx.test" }, subject: "Delivery Status Notification (Failure)" }))).toBe(
      "auto-reply",
    );
  });
  it("agrees with the sample's auto-reply and newsletter labels", async () => {
    const root = join(__dirname, "../../../data/sample");
    const labels = readFileSync(join(root, "labels.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; senderRole: string; intent: string });
    for (const label of labels) {
      const kind = automatedKind(await parseEml(readFileSync(join(root, "mail", label.file))));
      if (label.intent === "auto_reply") expect(kind, label.file).toBe("auto-reply");
      if (label.senderRole === "newsletter") expect(kind, label.file).toBe("newsletter");
      if (label.senderRole === "client" && label.intent !== "auto_reply") expect(kind, label.file).toBeNull();
    }
  });
});
