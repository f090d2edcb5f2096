// Validates every file of data/client-mail and prints their label counts as Markdown tables (the counts in
// data/client-mail/README.md come from here). Exits 1 and lists every bad line if anything is wrong.
//   npx tsx scripts/data/clientMailStats.ts
import { INTENTS } from "@domain/language/intentTypes";
import { ClientMailError, countClientMail, HALVES, loadClientMail, type ClientMailCounts, type Half } from "./clientMail";

/** The columns, in the README's order: the two original halves, then the files added later. */
const COLUMNS = Object.keys(HALVES) as Half[];

function row(label: string, values: readonly number[]): string {
  return `| ${label} | ${values.join(" | ")} |`;
}

function header(first: string): string[] {
  return [`| ${first} | ${COLUMNS.join(" | ")} |`, `| --- |${COLUMNS.map(() => " ---: |").join("")}`];
}

function table(counts: readonly ClientMailCounts[]): string {
  const rows: [string, (c: ClientMailCounts) => number][] = [
    ["emails", (c) => c.total],
    ...INTENTS.map((i): [string, (c: ClientMailCounts) => number] => [`intent: ${i}`, (c) => c.intent[i]]),
    ["unhappy: true (unhappyTarget firm)", (c) => c.unhappy],
    ['unhappyTarget: "other" (unhappy false)', (c) => c.target.other],
    ["unhappyTarget: null", (c) => c.target.none],
    ["needsReply: true", (c) => c.needsReply],
    ["needsReply: false", (c) => c.total - c.needsReply],
  ];
  return [...header("label"), ...rows.map(([k, f]) => row(k, counts.map(f)))].join("\n");
}

function behaviourTable(counts: readonly ClientMailCounts[]): string {
  const total = (n: string) => counts.reduce((sum, c) => sum + (c.behaviour[n] ?? 0), 0);
  const names = [...new Set(counts.flatMap((c) => Object.keys(c.behaviour)))].sort((a, b) => total(b) - total(a) || a.localeCompare(b));
  return [...header("behaviour"), ...names.map((n) => row(n, counts.map((c) => c.behaviour[n] ?? 0)))].join("\n");
}

try {
  const counts = COLUMNS.map((half) => countClientMail(loadClientMail(half)));
  console.log(`${table(counts)}\n\n${behaviourTable(counts)}`);
} catch (e) {
  console.error(e instanceof ClientMailError ? e.message : e);
  process.exit(1);
}
