// Prints the language figures a developer may look at while working: the sample, the READ half of data/client-mail
// and the DEV half of the outside request sentences. The unread and held-out halves are left to `npm run bench`.
//   npx tsx scripts/train/devFigures.ts
import { evaluateClientMail, evaluateEmailIntent, evaluateSample } from "../bench/language";

const sample = await evaluateSample();
const read = evaluateClientMail("read");
const dev = evaluateEmailIntent("dev");
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
    },
    null,
    1,
  ),
);
