import { newTextOf } from "@domain/text/newText";
import { proposeFollowUpDates } from "@domain/followUps/proposeDates";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import type { SampleCorpus } from "../clock/sampleCorpus";

/** Follow-up date recall and precision on every sample message against labels' `followUpDates`. */
export function measureFollowUps(corpus: SampleCorpus): { recall: number; precision: number; misses: string[]; extras: string[] } {
  const calendar = createFirmCalendar(corpus.directory.firm);
  let truePos = 0;
  let wanted = 0;
  let proposed = 0;
  const misses: string[] = [];
  const extras: string[] = [];
  corpus.labels.forEach((label, i) => {
    const m = corpus.messages[i];
    if (!m.sentAt) return;
    const got = proposeFollowUpDates({ text: newTextOf(m.bodyText, m.subject), sentAt: m.sentAt, calendar }).map((p) => p.date);
    const want = new Set(label.followUpDates);
    wanted += want.size;
    proposed += got.length;
    for (const d of got)
      if (want.has(d)) truePos += 1;
      else extras.push(`${label.file} ${d}`);
    for (const d of want) if (!got.includes(d)) misses.push(`${label.file} ${d}`);
  });
  return { recall: wanted ? truePos / wanted : 1, precision: proposed ? truePos / proposed : 1, misses, extras };
}
