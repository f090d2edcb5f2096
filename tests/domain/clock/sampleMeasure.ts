import type { ClockMode, ClockResult, Tracking } from "@domain/clock/responseClock";
import { timeReply } from "@domain/assessment/assess";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import type { SampleCorpus } from "./sampleCorpus";

/** Runs the pipeline's clock step on every sample message with the labels' tracked-ness (oracle); accuracy vs labels. */
export function measureClockOnSample(
  corpus: SampleCorpus,
  mode: ClockMode,
): { accuracy: number; mismatches: string[]; results: ClockResult[] } {
  const { directory, meta, labels, messages, files } = corpus;
  const calendar = createFirmCalendar(directory.firm);
  const byConversation = new Map<string, typeof messages>();
  for (const m of messages) byConversation.set(m.conversationId ?? m.id, [...(byConversation.get(m.conversationId ?? m.id) ?? []), m]);
  const fileOfId = new Map(messages.map((m, i) => [m.id, files[i]]));
  const mismatches: string[] = [];
  const results: ClockResult[] = [];
  let right = 0;
  labels.forEach((label, i) => {
    const message = messages[i];
    const tracking: Tracking =
      label.senderRole === "client" && label.needsReply === true
        ? "tracked"
        : label.senderRole === "client" && label.needsReply === false
          ? "no-reply-needed"
          : "not-tracked";
    const matter = directory.matters.find((m) => m.id === label.matterId) ?? null;
    const client = directory.clients.find((c) => c.id === (matter?.clientId ?? label.clientId)) ?? null;
    // The pipeline's clock step (the deadline from slaFor, meta's SLA as the user's setting), fed the labels' answers.
    const { clock } = timeReply(
      {
        message,
        tracking,
        thread: byConversation.get(message.conversationId ?? message.id) ?? [],
        owners: [meta.me],
        matter,
        client,
      },
      {
        firmDomains: directory.firm.domains,
        calendar,
        settings: { slaHours: meta.slaHours, businessDays: mode === "business" },
        now: meta.now,
      },
    );
    if (!clock) throw new Error(`${label.file}: the sample has a client message with no date`);
    const result = clock;
    results.push(result);
    const want = mode === "business" ? label.statusBusinessDays : label.status;
    const answeredBy = result.answeredBy ? (fileOfId.get(result.answeredBy) ?? null) : null;
    const ok = result.state === want && answeredBy === label.answeredBy && (result.late ?? null) === label.answeredLate;
    if (ok) right += 1;
    else
      mismatches.push(
        `${label.file}: got ${result.state}/${answeredBy}/${result.late}, want ${want}/${label.answeredBy}/${label.answeredLate}`,
      );
  });
  return { accuracy: right / labels.length, mismatches, results };
}
