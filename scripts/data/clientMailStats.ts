// Validates both halves of data/client-mail and prints their label counts as Markdown tables (the counts in
// data/client-mail/README.md come from here). Exits 1 and lists every bad line if anything is wrong.
//   npx tsx scripts/data/clientMailStats.ts
import { INTENTS } from "@domain/language/intentTypes";
import { ClientMailError, countClientMail, loadClientMail, type ClientMailCounts } from "./clientMail";

function table(read: ClientMailCounts, unread: ClientMailCounts): string {
  const rows: [string, number, number][] = [
    ["emails", read.total, unread.total],
    ...INTENTS.map((i): [string, number, number] => [`intent: ${i}`, read.intent[i], unread.intent[i]]),
    ["unhappy: true (unhappyTarget firm)", read.unhappy, unread.unhappy],
    ['unhappyTarget: "other" (unhappy false)', read.target.other, unread.target.other],
    ["unhappyTarget: null", read.target.none, unread.target.none],
    ["needsReply: true", read.needsReply, unread.needsReply],
    ["needsReply: false", read.total - read.needsReply, unread.total - unread.needsReply],
  ];
  return ["| label | read | unread |", "| --- | ---: | ---: |", ...rows.map(([k, r, u]) => `| ${k} | ${r} | ${u} |`)].join("\n");
}

function behaviourTable(read: ClientMailCounts, unread: ClientMailCounts): string {
  const names = [...new Set([...Object.keys(read.behaviour), ...Object.keys(unread.behaviour)])].sort(
    (a, b) => (read.behaviour[b] ?? 0) + (unread.behaviour[b] ?? 0) - ((read.behaviour[a] ?? 0) + (unread.behaviour[a] ?? 0)) || a.localeCompare(b),
  );
  return [
    "| behaviour | read | unread |",
    "| --- | ---: | ---: |",
    ...names.map((n) => `| ${n} | ${read.behaviour[n] ?? 0} | ${unread.behaviour[n] ?? 0} |`),
  ].join("\n");
}

try {
  const read = countClientMail(loadClientMail("read"));
  const unread = countClientMail(loadClientMail("unread"));
  console.log(`${table(read, unread)}\n\n${behaviourTable(read, unread)}`);
} catch (e) {
  console.error(e instanceof ClientMailError ? e.message : e);
  process.exit(1);
}
