import { describe, expect, it } from "vitest";
import { logPendingSends, matchSentMessage, type PendingSend } from "@features/filing/pendingSends";
import { message } from "../../domain/matterLog/fixtures";

const pending: PendingSend = {
  id: "p1",
  matterId: "m1",
  conversationId: "conv-A",
  subject: "Re: Lease",
  to: ["ann@northwind.test"],
  cc: [],
  sentAt: "2026-03-02T10:00:00.000Z",
};
const sent = (o: Parameters<typeof message>[0]) =>
  message({
    from: { email: "pat@firm.test" },
    to: [{ email: "ann@northwind.test" }],
    cc: [],
    subject: "RE: Lease",
    conversationId: "conv-A",
    sentAt: "2026-03-02T10:00:20.000Z",
    ...o,
  });

describe("matching a pending send to the sent copy", () => {
  it("picks the closest message of the conversation with the same subject and a shared recipient", () => {
    const far = sent({ sentAt: "2026-03-02T10:09:00.000Z" });
    const near = sent({});
    expect(matchSentMessage(pending, [far, near])).toBe(near);
  });
  it("rejects other conversations, subjects, recipients and times", () => {
    expect(matchSentMessage(pending, [sent({ conversationId: "conv-B" })])).toBeNull();
    expect(matchSentMessage(pending, [sent({ subject: "Invoice" })])).toBeNull();
    expect(matchSentMessage(pending, [sent({ to: [{ email: "someone@else.test" }] })])).toBeNull();
    expect(matchSentMessage(pending, [sent({ sentAt: "2026-03-02T11:00:00.000Z" })])).toBeNull();
    expect(matchSentMessage(pending, [sent({ internetMessageId: null })])).toBeNull();
  });
});

describe("logPendingSends", () => {
  const now = new Date("2026-03-02T12:00:00.000Z");
  it("logs what it finds, keeps what it cannot find yet or when offline, gives up on week-old leftovers (for the user to see)", async () => {
    const logged: [string | null, string][] = [];
    const found = sent({});
    const old = { ...pending, id: "p2", conversationId: "conv-old", sentAt: "2026-02-01T10:00:00.000Z" };
    const offline = { ...pending, id: "p3", conversationId: "conv-off" };
    const missing = { ...pending, id: "p4", conversationId: "conv-missing" };
    const result = await logPendingSends(
      [pending, old, offline, missing],
      {
        sentAround(_at, conversationId) {
          if (conversationId === "conv-off") return Promise.reject(new Error("offline"));
          return Promise.resolve(conversationId === "conv-A" ? [found] : []);
        },
        log(m, matterId) {
          logged.push([m.internetMessageId, matterId]);
          return Promise.resolve();
        },
      },
      now,
    );
    expect(logged).toEqual([[found.internetMessageId, "m1"]]);
    expect(result.logged).toEqual(["p1"]);
    expect(result.waiting).toEqual([offline, missing]);
    expect(result.givenUp).toEqual([old]);
  });
});
