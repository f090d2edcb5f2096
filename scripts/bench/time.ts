/**
 * Bench lines for time: the response clock and follow-up dates on data/sample.
 * The clock lines are oracle measures (tracked-ness from the labels, threads from headers): the clock alone.
 */
import { atLeast, info, type BenchLine } from "./benchLine";
import { loadSample } from "../../tests/domain/clock/sampleCorpus";
import { measureClockOnSample } from "../../tests/domain/clock/sampleMeasure";
import { measureFollowUps } from "../../tests/domain/followUps/sampleFollowUps";

export async function run(): Promise<BenchLine[]> {
  const corpus = await loadSample();
  const lines: BenchLine[] = [];
  const t0 = performance.now();
  const calendar = measureClockOnSample(corpus, "calendar");
  const business = measureClockOnSample(corpus, "business");
  const ms = performance.now() - t0;
  lines.push(info("clock.sampleStatusAccuracyOracle", calendar.accuracy, "ratio"));
  lines.push(info("clock.sampleStatusAccuracyBusinessDaysOracle", business.accuracy, "ratio"));
  lines.push(info("clock.sampleMsPerMessage", ms / (2 * corpus.messages.length), "ms"));
  const t1 = performance.now();
  const followUps = measureFollowUps(corpus);
  const followUpMs = performance.now() - t1;
  lines.push(atLeast("sample.followUpRecall", followUps.recall, "ratio", 0.9));
  lines.push(atLeast("sample.followUpPrecision", followUps.precision, "ratio", 0.8));
  lines.push(info("followUps.sampleMsPerMessage", followUpMs / corpus.messages.length, "ms"));
  return lines;
}
