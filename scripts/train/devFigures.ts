// Prints the language figures a developer may look at while working: the sample, the READ half of data/client-mail
// and the DEV half of the outside request sentences. The unread and held-out halves are left to `npm run bench`.
//   npx tsx scripts/train/devFigures.ts
import { readMail } from "@domain/language/reading";
import { evaluateClientMail, evaluateEmailIntent, evaluateSample, longEmailMessage } from "../bench/language";

const sample = await evaluateSample();
const read = evaluateClientMail("read");
const dev = evaluateEmailIntent("dev");
// The bench's 5,000-word email read the way the pipeline reads it (median of 30).
const long = longEmailMessage();
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  readMail(long);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      sample: {
        intentAccuracy: sample.intentAccuracy,
        negativeToneRecall: sample.negativeToneRecall,
        negativeTonePrecision: sample.negativeTonePrecision,
        needsReplyF1: sample.needsReplyF1,
      },
      read,
      dev,
      msPer5000Words: times[15],
    },
    null,
    1,
  ),
);
