import { describe, expect, it } from "vitest";
import { mail } from "../matters/fixtures";
import { firm, NOW, SITE } from "./recordHarness";
import { RECORD_LIST } from "@adapters/graph/record/recordSchema";
import { createGraphCalendarWriter, createGraphFolderSync, MATTER_PROPERTY_ID } from "@adapters/graph";
import { drainOutbox } from "@domain/outbox";
import { toCalendarEventInput, type GraphEventPayload } from "@domain/followUps/eventDraft";
import { enqueue, newOperation } from "@domain/outbox/queue";
import { followUpEventExecutor } from "@features/followUps/eventExecutor";
import { logBulk, type BulkCandidate } from "@features/matters/bulkTagging";
import { scanMailbox } from "@features/clock/mailboxScan";
import type { ScanCheckpointStore } from "@ports/scanCheckpointStore";
import { MemoryScanCheckpointStore } from "@adapters/storage/memoryScanCheckpointStore";
import type { MailMessage } from "@domain/model/mail";

const ROSA = "rosa@quill.test";
const SEED = 20260302;

function checkpoints(): ScanCheckpointStore {
  return new MemoryScanCheckpointStore();
}

function event(i: number): GraphEventPayload {
  const start = new Date(Date.UTC(2026, 2, 3 + i, 9)).toISOString().slice(0, 19);
  const end = new Date(Date.UTC(2026, 2, 3 + i, 9, 30)).toISOString().slice(0, 19);
  return {
    subject: `Follow up ${i}`,
    body: { contentType: "HTML", content: "<p>Follow up</p>" },
    start: { dateTime: start, timeZone: "UTC" },
    end: { dateTime: end, timeZone: "UTC" },
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    categories: [],
    showAs: "free",
    attendees: [],
    sensitivity: "private",
    transactionId: `storm-event-${i}`,
  };
}

describe("a fault storm", () => {
  it(
    "30% of requests fail (429 and 503 with Retry-After, timeouts, connections dropped before and after the server applied them): " +
      "a first scan, bulk tagging of 100, 20 follow-ups and 50 filings all land exactly once, and never more than 4 requests per mailbox are in flight",
    async () => {
      // Retry-After is compressed to 0 s and a hung request gives up after 40 ms, so the storm runs in seconds.
      const f = await firm({ latencyMs: 1, client: { timeoutMs: 40 } });
      const rosa = f.device(ROSA);
      const tagged: MailMessage[] = Array.from({ length: 100 }, (_, i) =>
        mail({ subject: `Bulk ${i}`, to: [{ name: "Rosa", email: ROSA }] }),
      );
      const filed: MailMessage[] = Array.from({ length: 50 }, (_, i) =>
        mail({ subject: `Filing ${i}`, to: [{ name: "Rosa", email: ROSA }] }),
      );
      for (const m of [...tagged, ...filed]) f.deliver(m, ROSA);
      f.sim.resetStats();
      f.sim.storm({ rate: 0.3, seed: SEED, retryAfterSec: 0 });

      // The first scan runs while the outbox drains, as in the pane. A scan that fails is run again, as the pane's next
      // refresh does; it never gives a partial answer.
      const sync = createGraphFolderSync(rosa.graph);
      const store = checkpoints();
      let snapshot: Awaited<ReturnType<typeof scanMailbox>> | null = null;
      let scans = 0;
      const scanning = (async () => {
        while (!snapshot && scans < 20) {
          scans++;
          snapshot = await scanMailbox(sync, store, { mailbox: null, now: "2026-03-02T12:00:00.000Z", windowDays: 14 }).catch(() => null);
        }
      })();

      // Bulk tagging of 100 emails to one matter, then 50 single filings (each also goes to the SharePoint record).
      const candidates: BulkCandidate[] = tagged.map((m) => ({
        itemId: m.id,
        subject: m.subject,
        message: m,
        recognition: null,
        loggedMatterId: null,
        error: null,
      }));
      const outcomes = await logBulk(candidates, { matterForAll: "x1", accepted: {} }, { log: rosa.matterLog, by: ROSA, now: () => NOW });
      expect(outcomes.every((o) => o.status === "logged")).toBe(true);
      for (const m of filed) await rosa.file(m, "x2");

      // 20 follow-up events through the outbox, created with their transactionId.
      const calendar = createGraphCalendarWriter(rosa.graph, { retryDelayMs: 0 });
      const events = followUpEventExecutor({ send: (p) => calendar.create(toCalendarEventInput(p)), markCreated: () => Promise.resolve() });
      const at = new Date("2026-03-02T10:00:00Z");
      for (let i = 0; i < 20; i++) {
        const payload = event(i);
        const op = newOperation({
          key: `event:${payload.transactionId}`,
          kind: "event",
          payload: { transactionId: payload.transactionId, payload },
          now: at,
        });
        await enqueue(rosa.outbox, op);
      }

      // The pane drains again and again (each drain later than the last, so backed-off work is due), the mailbox's and
      // the record's work alongside the calendar's: nothing is lost.
      let drains = 0;
      while ((await rosa.outbox.list()).length > 0 && drains < 60) {
        drains++;
        await Promise.all([
          rosa.drain(),
          drainOutbox({ store: rosa.outbox, executors: { event: events }, now: new Date(at.getTime() + drains * 2 * 3600_000) }),
        ]);
      }
      await scanning;
      expect(snapshot).not.toBeNull();
      expect(new Set(snapshot!.inbound.map((m) => m.internetMessageId)).size).toBe(150);
      const injected = f.sim.stormFaults();
      f.sim.storm(null);
      expect(await rosa.outbox.list()).toEqual([]);

      // Every mailbox write landed exactly once: each message carries its matter's category once and the MatterId.
      for (const m of [...tagged, ...filed]) {
        const g = f.sim.messages(ROSA).find((x) => x.internetMessageId === m.internetMessageId)!;
        const matter = tagged.includes(m) ? "x1" : "x2";
        expect(g.categories?.filter((c) => c.includes(matter === "x1" ? "2026-0101" : "2026-0102"))).toHaveLength(1);
        expect(g.singleValueExtendedProperties?.find((p) => p.id.toLowerCase() === MATTER_PROPERTY_ID.toLowerCase())?.value).toBe(matter);
      }
      // One event per follow-up, none twice.
      const made = f.sim.events(ROSA);
      expect(made).toHaveLength(20);
      expect(new Set(made.map((e) => e.transactionId)).size).toBe(20);
      // One record item per filing (bulk ones included), none twice, none lost.
      const items = f.sim.sharePoint.listItems(SITE, RECORD_LIST);
      const ids = items.map((i) => String(i.fields.InternetMessageId));
      expect(ids).toHaveLength(150);
      expect(new Set(ids)).toEqual(new Set([...tagged, ...filed].map((m) => m.internetMessageId)));

      // The storm was real, and the client never had more than 4 requests in flight per mailbox (SharePoint too).
      expect(injected).toBeGreaterThan(50);
      const concurrency = f.sim.stats.maxConcurrentByMailbox;
      expect(Object.keys(concurrency).length).toBeGreaterThanOrEqual(2);
      for (const [mailbox, most] of Object.entries(concurrency)) expect(most, mailbox).toBeLessThanOrEqual(4);
      console.info(
        `fault storm: ${injected} faults injected, ${scans} scan run(s), ${drains} drains, concurrency ${JSON.stringify(concurrency)}`,
      );
    },
    60_000,
  );
});
