import { describe, expect, it } from "vitest";
import { createOverdueService, memoryClockDecisionStore, OVERDUE_SETTINGS_KEY, type OverdueSettings } from "@features/clock";
import { triageMessages } from "@domain/assessment/triageMessages";
import type { MailMessage } from "@domain/model/mail";
import { directory, fakeSync, index, mail, memoryKv } from "./overdueFixtures";

const ME = "alice@firm.example";
const NOW = "2025-08-26T15:30:00Z";

/** A mailbox of client mail in every state, with the owner's replies in Sent Items and a colleague's copied answer. */
function mailbox(): { inbox: MailMessage[]; sent: MailMessage[] } {
  const inbox = [
    mail({
      id: "<q1@t>",
      from: "carol@acme.example",
      to: [ME],
      subject: "Lease 2024-0012",
      body: "Can you send the draft?",
      at: "2025-08-25T10:00:00Z",
      conv: "k1",
    }),
    mail({
      id: "<q2@t>",
      from: "carol@acme.example",
      to: [ME],
      subject: "2024-0012 keys",
      body: "When can I collect the keys?",
      at: "2025-08-26T13:00:00Z",
      conv: "k2",
    }),
    mail({
      id: "<q3@t>",
      from: "dan@zed.example",
      to: [ME],
      subject: "Hearing 2024-0044",
      body: "Please confirm the date.",
      at: "2025-08-26T12:00:00Z",
      conv: "k3",
    }),
    mail({
      id: "<q4@t>",
      from: "carol@acme.example",
      to: [ME],
      subject: "Review 2024-0012",
      body: "Can you review clause 4?",
      at: "2025-08-25T08:00:00Z",
      conv: "k4",
    }),
    mail({
      id: "<q5@t>",
      from: "carol@acme.example",
      to: [ME],
      subject: "Re: Lease 2024-0012",
      body: "Thanks, received.",
      at: "2025-08-26T10:00:00Z",
      conv: "k5",
    }),
    mail({
      id: "<q6@t>",
      from: "dan@zed.example",
      to: [ME],
      subject: "Supply 2024-0044",
      body: "Could you call me back?",
      at: "2025-08-22T16:00:00Z",
      conv: "k6",
    }),
    mail({
      id: "<c4@t>",
      from: "bob@firm.example",
      to: ["carol@acme.example"],
      cc: [ME],
      subject: "RE: Review 2024-0012",
      body: "Clause 4 is fine.",
      at: "2025-08-25T12:00:00Z",
      conv: "k4",
    }),
  ];
  const sent = [
    mail({
      id: "<r1@t>",
      from: ME,
      to: ["dan@zed.example"],
      subject: "RE: Supply 2024-0044",
      body: "Calling at 3.",
      at: "2025-08-25T09:00:00Z",
      conv: "k6",
    }),
  ];
  return { inbox, sent };
}

function overdueService(server: ReturnType<typeof fakeSync>, kv: ReturnType<typeof memoryKv>) {
  return createOverdueService({
    sync: server.sync,
    checkpoints: kv,
    settings: kv,
    decisions: memoryClockDecisionStore(),
    directory: () => Promise.resolve({ directory, index }),
    overdueCategoryName: "Overdue reply",
    sender: { send: () => Promise.resolve() },
    me: { email: ME, name: "Alice Partner" },
    clock: { now: () => new Date(NOW) },
  });
}

describe("one assessment pipeline for the pane's scan and triage", () => {
  for (const businessDays of [false, true]) {
    it(`gives the same matter, reply need, state and due time for every client message (${businessDays ? "business days" : "calendar"})`, async () => {
      const { inbox, sent } = mailbox();
      const server = fakeSync();
      server.add(null, "inbox", ...inbox);
      server.add(null, "sentitems", ...sent);
      const kv = memoryKv();
      const settings: OverdueSettings = { watchedMailboxes: [], slaHours: 10, businessDays, windowDays: 14, overdueCategory: false };
      await kv.set(OVERDUE_SETTINGS_KEY, settings);
      const view = await overdueService(server, kv).scan();

      const lines = triageMessages(
        [...inbox, ...sent].map((message, i) => ({ file: `${String(i).padStart(2, "0")}.eml`, message })),
        { directory, me: [ME], now: NOW, slaHours: settings.slaHours, businessDays },
      );
      const clientLines = lines.filter((l) => l.status !== null && l.status !== "not-tracked");
      // The same messages, in both: the client's, not the colleague's copy nor the owner's reply.
      expect(view.items.map((i) => i.internetMessageId).sort()).toEqual(clientLines.map((l) => l.messageId).sort());
      expect(view.items).toHaveLength(6);
      for (const item of view.items) {
        const line = clientLines.find((l) => l.messageId === item.internetMessageId)!;
        expect({ id: item.internetMessageId, matterId: item.matterId, state: item.rawClock.state, dueAt: item.rawClock.dueAt }).toEqual({
          id: line.messageId,
          matterId: line.matterId,
          state: line.status,
          dueAt: line.dueAt,
        });
        expect(item.rawClock.state === "no-reply-needed").toBe(line.needsReply === false);
      }
      // Every state shows up, so the comparison covers each path of the clock.
      expect(new Set(view.items.map((i) => i.rawClock.state))).toEqual(
        new Set(["overdue", "waiting", "due-soon", "answered", "no-reply-needed"]),
      );
    });
  }

  it("reports a message the pipeline cannot read, in the scan and in triage, and goes on with the others", async () => {
    const { inbox, sent } = mailbox();
    const broken = {
      ...mail({
        id: "<x@t>",
        from: "carol@acme.example",
        to: [ME],
        subject: "Lease 2024-0012",
        body: "",
        at: "2025-08-26T11:00:00Z",
        conv: "kx",
      }),
      bodyText: null,
    } as unknown as MailMessage;
    const server = fakeSync();
    server.add(null, "inbox", ...inbox, broken);
    server.add(null, "sentitems", ...sent);
    const view = await overdueService(server, memoryKv()).scan();
    expect(view.items).toHaveLength(6);
    expect(view.assessError?.message).toBe("1 email could not be checked for the reply clock.");
    expect(view.assessError?.details[0]).toMatch(/^alice@firm\.example: “Lease 2024-0012” — /);

    const lines = triageMessages(
      [...inbox, broken].map((message, i) => ({ file: `${i}.eml`, message })),
      { directory, me: [ME], now: NOW, businessDays: false },
    );
    expect(lines.at(-1)).toMatchObject({ messageId: "<x@t>", status: null });
    expect(lines.at(-1)?.error).toEqual(expect.any(String));
    expect(lines.slice(0, -1).every((l) => l.error === undefined && l.status !== null)).toBe(true);
  });
});
