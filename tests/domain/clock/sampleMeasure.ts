import { clockFor, type ClockMode, type ClockResult, type Tracking } from "@domain/clock/responseClock";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import type { SampleCorpus } from "./sampleCorpus";

/** Runs the clock on every sample message with the labels' tracked-ness (oracle) and returns accuracy vs labels. */
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
    const matter = directory.matters.find((m) => m.id === label.matterId);
    const result = clockFor({
      message,
      tracking,
      thread: byConversation.get(message.conversationId ?? message.id) ?? [],
      owners: [meta.me],
      firmDomains: directory.firm.domains,
      slaHours: matter?.slaHours ?? meta.slaHours,
      mode,
      calendar,
      now: meta.now,
    });
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
