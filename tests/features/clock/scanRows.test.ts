import { describe, expect, it } from "vitest";
import { fromRow, restoreConversations, toRow } from "@features/clock/scanRows";
import { idDigest } from "@features/clock/idDigest";
import type { MailMessage } from "@domain/model/mail";
import { identifiedMessage } from "../../fixtures/mailMessage";

const OWNER = "ann@firm.example";
const CONV = `AAQkAD${"x".repeat(78)}`;

function message(over: Partial<MailMessage>): MailMessage {
  return identifiedMessage("<m1@client.example>", {
    conversationId: CONV,
    subject: "2024-0088 Completion",
    from: { email: "carol@acme.example", name: "Carol Client" },
    to: [{ email: OWNER }],
    cc: [{ email: "bob@firm.example" }],
    sentAt: "2026-03-10T09:00:00.000Z",
    receivedAt: "2026-03-10T09:00:00.000Z",
    categories: ["2024-0088 Client matter"],
    modifiedAt: "2026-03-10T09:00:00.000Z",
    ...over,
  });
}

const viaJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("scan rows", () => {
  it("an assessed row gives back the message (body aside), the owner alone in To left out of the row", () => {
    const m = message({});
    const row = toRow(m, null, OWNER);
    expect(row.to).toBeUndefined();
    expect(row.cv).toBe(CONV);
    expect(fromRow(viaJson(row), OWNER, "graph-id")).toEqual(m);
  });

  it("no recipient at all and the owner among others both come back as they were", () => {
    const none = message({ to: [] });
    expect(fromRow(viaJson(toRow(none, null, OWNER)), OWNER)).toEqual(none);
    const many = message({ to: [{ email: OWNER }, { email: "dan@zed.example" }] });
    const row = toRow(many, null, OWNER);
    expect(row.to).toEqual(["@", "dan@zed.example"]);
    expect(fromRow(viaJson(row), OWNER)).toEqual(many);
  });

  it("a thread-only row keeps what a thread reads: the owner as sender written short, no subject or message id, the conversation as its digest", () => {
    const sent = message({
      id: "<s1@firm.example>",
      internetMessageId: "<s1@firm.example>",
      subject: "RE: 2024-0088 Completion",
      from: { email: OWNER, name: "Ann Owner" },
      to: [{ email: "carol@acme.example" }],
      cc: [],
      categories: ["x"],
    });
    const row = toRow(sent, null, OWNER, true);
    expect(row).toEqual({ cv: idDigest(CONV), f: ["@"], to: ["carol@acme.example"], t: Date.parse(sent.receivedAt!) });
    const back = fromRow(viaJson(row), OWNER, "key1");
    expect(back).toMatchObject({ id: "key1", internetMessageId: null, subject: "", from: { email: OWNER }, threadOnly: true });
    expect(back.to).toEqual(sent.to);
    expect(back.sentAt).toBe(sent.sentAt);
    // the conversation comes back whole from the assessed inbound mail of the same conversation, else stays a digest
    const inbound = fromRow(toRow(message({}), null, OWNER), OWNER);
    expect(restoreConversations([back], [inbound])[0].conversationId).toBe(CONV);
    expect(restoreConversations([back], [])[0].conversationId).toBe(idDigest(CONV));
    // assessed mail is never changed by it
    expect(restoreConversations([inbound], [inbound])[0]).toBe(inbound);
  });
});
