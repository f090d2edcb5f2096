// The training-side figures the language models' settings are chosen on, so docs/language.md's tables can be checked
// and a new setting tried without opening the unread half or the check set (neither is read here). Each run trains
// with the settings in language.ts as they stand and writes nothing:
//   npx tsx scripts/train/proxies.ts folds        intent on writers w1–w38 in four folds (w1, w5, w9 … in the first):
//                                                 each fold read by an intent model trained on every other training writer
//   npx tsx scripts/train/proxies.ts new-writers  intent on the writers not yet trained on (w39–w50), pooled, read by
//                                                 both models trained on the training side (the committed models)
//   npx tsx scripts/train/proxies.ts read-writer  intent on the read half, read by both models trained without its writer
//                                                 and without the batches written after reading its misses ("later");
//                                                 with --committed-unhappy, the committed unhappiness model (trained with
//                                                 that writer) gathers the evidence, as the figures of the last stops did
// Each prints intent accuracy with its count and the most frequent confusions (labelled -> decided). In "folds" the
// unhappiness model is the committed one, as it was when the figures in docs/language.md were taken.
import { decideIntent } from "@domain/language/intent";
import { loadModel } from "@domain/language/linearModel";
import { setUnhappyModelForTraining } from "@domain/language/unhappyModel";
import unhappyCommitted from "@domain/language/models/unhappy.json";
import { NOT_YET_TRAINED, WRITERS, rows, trainIntent, trainUnhappy, type Row } from "./language";

const FOLDS = 4;

/** Rows of the given writers, with evidence gathered under the unhappiness model in force. */
function rowsOf(writers: readonly string[]): Row[] {
  return writers.flatMap((w) => WRITERS[w].flatMap((half) => rows(half)));
}

interface Score {
  n: number;
  correct: number;
  confusions: Map<string, number>;
}

function score(into: Score, measured: readonly Row[], intentModel: ReturnType<typeof loadModel>): void {
  for (const row of measured) {
    const decided = decideIntent(row.evidence, intentModel, row.evidence.signals.length > 0).intent;
    into.n += 1;
    if (decided === row.intent) into.correct += 1;
    else into.confusions.set(`${row.intent} -> ${decided}`, (into.confusions.get(`${row.intent} -> ${decided}`) ?? 0) + 1);
  }
}

function report(name: string, s: Score): void {
  console.log(`${name}: intent ${(s.correct / s.n).toFixed(4)} (${s.correct} of ${s.n})`);
  const top = [...s.confusions].sort((a, b) => b[1] - a[1]).slice(0, 12);
  console.log(top.map(([pair, count]) => `  ${count} ${pair}`).join("\n"));
}

const training = Object.keys(WRITERS).filter((w) => !NOT_YET_TRAINED.has(w));
const empty = (): Score => ({ n: 0, correct: 0, confusions: new Map() });

/** Both models trained on `writers`, the intent model on evidence gathered with the new unhappiness model. */
function trainBoth(writers: readonly string[]): ReturnType<typeof loadModel> {
  setUnhappyModelForTraining(unhappyCommitted);
  setUnhappyModelForTraining(trainUnhappy(rowsOf(writers)));
  return loadModel(trainIntent(rowsOf(writers)));
}

function folds(): void {
  setUnhappyModelForTraining(unhappyCommitted);
  const numbered = training.filter((w) => /^w\d+$/.test(w));
  const all = empty();
  for (let k = 0; k < FOLDS; k++) {
    const fold = new Set(numbered.filter((_, i) => i % FOLDS === k));
    const model = loadModel(trainIntent(rowsOf(training.filter((w) => !fold.has(w)))));
    const before = { n: all.n, correct: all.correct };
    score(all, rowsOf([...fold]), model);
    const [n, correct] = [all.n - before.n, all.correct - before.correct];
    console.log(`fold ${k + 1} (${[...fold].join(", ")}): ${(correct / n).toFixed(3)} (${correct} of ${n})`);
  }
  report(`writer folds (${numbered.length} writers)`, all);
}

function newWriters(): void {
  const model = trainBoth(training);
  const s = empty();
  score(s, rowsOf([...NOT_YET_TRAINED]), model);
  report(`writers not yet trained on (${[...NOT_YET_TRAINED].join(", ")})`, s);
}

function readWriter(): void {
  const others = training.filter((w) => w !== "original" && w !== "later");
  setUnhappyModelForTraining(unhappyCommitted);
  const model = process.argv.includes("--committed-unhappy") ? loadModel(trainIntent(rowsOf(others))) : trainBoth(others);
  const s = empty();
  score(s, rowsOf(["original"]), model);
  report(`the read half, its writer left out${process.argv.includes("--committed-unhappy") ? " (committed unhappiness model)" : ""}`, s);
}

const modes: Record<string, () => void> = { folds, "new-writers": newWriters, "read-writer": readWriter };
const mode = modes[process.argv[2] ?? ""];
if (!mode) {
  console.error(`usage: npx tsx scripts/train/proxies.ts ${Object.keys(modes).join(" | ")}`);
  process.exit(2);
}
mode();
setUnhappyModelForTraining(unhappyCommitted);
