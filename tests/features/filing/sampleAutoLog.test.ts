import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEml } from "@adapters/mime/parseEml";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { autoLogDecision } from "@features/filing/autoLog";
import { recognizeForPane } from "@domain/recognition/paneRecognition";
import { MemoryFilingHistoryStore, MemoryMatterLogStore } from "@adapters/storage/memoryStores";

const SAMPLE = join(__dirname, "../../../data/sample");

describe("auto-log on the labelled sample (no history, no mailbox marks: the first day of use)", () => {
  it("never files automatically to a wrong matter, and still takes a useful share of the work", async () => {
    const directory = parseDirectoryJson(readFileSync(join(SAMPLE, "directory.json"), "utf8"));
    const index = buildDirectoryIndex(directory);
    const meta = JSON.parse(readFileSync(join(SAMPLE, "meta.json"), "utf8")) as { me: string };
    const gold = new Map<string, string | null>();
    for (const line of readFileSync(join(SAMPLE, "labels.jsonl"), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const l = JSON.parse(line) as { file: string; matterId: string | null };
      gold.set(l.file, l.matterId);
    }
    const deps = { index, me: [meta.me], history: new MemoryFilingHistoryStore(), log: new MemoryMatterLogStore() };
    let auto = 0,
      right = 0,
      withMatter = 0;
    for (const file of readdirSync(join(SAMPLE, "mail"))
      .filter((f) => f.endsWith(".eml"))
      .sort()) {
      if (!gold.has(file)) continue;
      const message = await parseEml(readFileSync(join(SAMPLE, "mail", file)));
      const pane = await recognizeForPane(message, deps);
      const decision = autoLogDecision(message, pane, index, { autoLog: true });
      if (gold.get(file)) withMatter++;
      if (!decision.log) continue;
      auto++;
      if (decision.matterId === gold.get(file)) right++;
    }
    const precision = auto ? right / auto : 1;
    console.log(`auto-log: ${auto} of ${withMatter} matter mails logged automatically, precision ${precision.toFixed(3)}`);
    expect(precision).toBe(1);
    expect(auto / withMatter).toBeGreaterThan(0.3);
  }, 60_000);
});
