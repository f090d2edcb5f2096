// replies.chunkGzipKB: gzip size of the JavaScript the pane downloads when the replies section first shows — the
// lazily loaded "replies" chunk group (the panel, the checker and their engines) minus anything already loaded before
// any replies can show: the pane's initial scripts, the "features" chunk (right after the first render), and the
// "sections" and "tab-email" chunks the replies section sits in — from a production build into its own folder.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { promiseTry } from "@domain/promiseTry";
import { atMost, info, type BenchLine } from "./benchLine";

const OUT = resolve("dist-bench-replies");

interface Stats {
  readonly namedChunkGroups: Record<string, { readonly assets: readonly ({ name: string } | string)[] }>;
  readonly entrypoints: Record<string, { readonly assets: readonly ({ name: string } | string)[] }>;
}

const names = (assets: readonly ({ name: string } | string)[]): string[] =>
  assets.map((a) => (typeof a === "string" ? a : a.name)).filter((n) => n.endsWith(".js"));
const gzipKB = (file: string): number => gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length / 1024;

/** The replies chunk(s) of a production build, and their gzip sizes. */
export function repliesChunks(stats: Stats): { lazy: string[]; initial: Set<string> } {
  const initial = new Set(names(stats.entrypoints.taskpane?.assets ?? []));
  const before = new Set(
    ["features", "sections", "tab-email"].flatMap((g) => {
      const assets = stats.namedChunkGroups[g]?.assets;
      if (!assets) throw new Error(`no "${g}" chunk in the build: the replies bench assumes the pane loads it before replies show`);
      return names(assets);
    }),
  );
  const group = stats.namedChunkGroups.replies;
  if (!group) throw new Error('no "replies" chunk in the build: is the replies code still loaded with import()?');
  return { lazy: names(group.assets).filter((n) => !initial.has(n) && !before.has(n)), initial };
}

function measure(): BenchLine[] {
  const statsFile = join(OUT, "stats.json");
  const build = spawnSync("npx", ["webpack", "--mode", "production", "--output-path", OUT, "--json", statsFile], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (build.status !== 0 || !existsSync(statsFile)) throw new Error(`build failed: ${build.stderr || build.stdout}`);
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as Stats;
  const { lazy, initial } = repliesChunks(stats);
  const total = lazy.reduce((sum, f) => sum + gzipKB(f), 0);
  const initialKB = [...initial].reduce((sum, f) => sum + gzipKB(f), 0);
  return [
    atMost("replies.chunkGzipKB", total, "KB", 60),
    info("replies.chunkFiles", lazy.length, "files"),
    info("replies.taskpaneInitialGzipKB", initialKB, "KB"),
  ];
}

// The build runs synchronously; the bench runner wants a promise, and a failure as its rejection.
export function run(): Promise<BenchLine[]> {
  return promiseTry(measure);
}
