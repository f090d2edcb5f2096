import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { atLeast, atMost, info, median } from "./benchLine";
import { jsLoopNsPerChar } from "./machineSpeed";
import type { BenchLine } from "./benchLine";
import { parseEml } from "@adapters/mime/parseEml";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import type { Client, Directory, Matter } from "@domain/directory/types";
import { recognize } from "@domain/recognition/recognize";
import { emptyFilingHistory } from "@domain/recognition/filingHistory";
import { triageMessages } from "@cli/triageRun";
import type { MailMessage } from "@domain/model/mail";
import { mulberry32 } from "@simulators/graph";

const SAMPLE = "data/sample";

const SYLLABLES = [
  "ar",
  "bel",
  "cor",
  "dun",
  "el",
  "fen",
  "gar",
  "hol",
  "is",
  "jor",
  "kel",
  "lin",
  "mor",
  "nor",
  "os",
  "pel",
  "quin",
  "ros",
  "sal",
  "tor",
  "ul",
  "ven",
  "wick",
  "yar",
  "zel",
];
const WORDS = [
  "lease",
  "sale",
  "purchase",
  "dispute",
  "claim",
  "agreement",
  "estate",
  "tribunal",
  "licence",
  "merger",
  "loan",
  "appeal",
  "contract",
  "trust",
  "employment",
  "pension",
  "planning",
  "probate",
];

/** A firm of the given size: names, domains, contacts, references, keywords and opposing parties. */
export function generateDirectory(matterCount: number, contactCount: number, seed = 42): Directory {
  const r = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const name = (): string => {
    const n = 2 + Math.floor(r() * 2);
    let s = "";
    for (let i = 0; i < n; i++) s += pick(SYLLABLES);
    return s[0].toUpperCase() + s.slice(1);
  };
  const clientCount = Math.round(matterCount / 2.5);
  const clients: Client[] = [];
  const perClient = Math.ceil(contactCount / clientCount);
  let contactsLeft = contactCount;
  for (let i = 0; i < clientCount; i++) {
    const base = `${name()}${i}`;
    const domain = `${base.toLowerCase()}.test`;
    const contacts = [];
    for (let j = 0; j < perClient && contactsLeft > 0; j++, contactsLeft--)
      contacts.push({ name: `${name()} ${name()}`, email: `p${j}.${base.toLowerCase()}@${r() < 0.2 ? "gmail.test" : domain}` });
    clients.push({ id: `c${i}`, name: `${base} ${pick(["Ltd", "LLP", "Inc", "Holdings Ltd"])}`, domains: [domain], contacts });
  }
  const matters: Matter[] = [];
  for (let i = 0; i < matterCount; i++) {
    const client = clients[i % clientCount];
    const num = String(i).padStart(5, "0");
    matters.push({
      id: `m${i}`,
      number: `20${20 + (i % 6)}-${num}`,
      clientId: client.id,
      title: `${pick(WORDS)} ${name()} ${name()} Road`,
      status: r() < 0.7 ? "open" : "closed",
      responsible: "u1",
      keywords: [pick(WORDS), `${name()} ${pick(WORDS)}`, name()],
      aliases: [`AB/${num}`],
      opposing: [{ name: `${name()} ${name()} Ltd`, domains: [`${name().toLowerCase()}law${i}.test`], emails: [] }],
    });
  }
  return {
    firm: {
      name: "Bench LLP",
      domains: ["bench.test"],
      timeZone: "Europe/London",
      workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
      holidays: [],
      matterRefPatterns: ["\\b20\\d{2}-\\d{4,5}\\b", "\\b[A-Z]{2,4}/\\d{4,5}\\b"],
    },
    people: [{ id: "u1", name: "Bench Partner", email: "partner@bench.test", role: "partner" }],
    clients,
    matters,
  };
}

async function corpusMessages(corpus = SAMPLE): Promise<{ file: string; message: MailMessage }[]> {
  const dir = join(corpus, "mail");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort();
  return Promise.all(files.map(async (file) => ({ file, message: await parseEml(readFileSync(join(dir, file))) })));
}

/** Matter precision and coverage of the triage run over a labelled firm's mailbox in the sample's layout (the sample's by default). */
export async function corpusQuality(
  corpus = SAMPLE,
): Promise<{ precision: number; coverage: number; ambiguousAbstained: number; ambiguous: number }> {
  const directory = parseDirectoryJson(readFileSync(join(corpus, "directory.json"), "utf8"));
  const meta = JSON.parse(readFileSync(join(corpus, "meta.json"), "utf8")) as { me: string; now: string; slaHours: number };
  const labels = new Map<string, { matterId: string | null; matterAmbiguous: boolean }>();
  for (const line of readFileSync(join(corpus, "labels.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as { file: string; matterId: string | null; matterAmbiguous: boolean };
    labels.set(l.file, l);
  }
  const lines = triageMessages(await corpusMessages(corpus), {
    directory,
    me: [meta.me],
    now: meta.now,
    slaHours: meta.slaHours,
    businessDays: false,
  });
  let predicted = 0,
    right = 0,
    gold = 0,
    covered = 0,
    ambiguous = 0,
    abstained = 0;
  for (const line of lines) {
    const label = labels.get(line.file);
    if (!label) continue;
    if (line.matterId) {
      predicted++;
      if (line.matterId === label.matterId) right++;
    }
    if (label.matterId) {
      gold++;
      if (line.matterId === label.matterId) covered++;
    }
    if (label.matterAmbiguous) {
      ambiguous++;
      if (line.matterId === null) abstained++;
    }
  }
  return { precision: predicted ? right / predicted : 0, coverage: gold ? covered / gold : 0, ambiguousAbstained: abstained, ambiguous };
}

/** Other firms' mailboxes in the sample's layout (data/firms/README.md): chicago, dublin, newyork, singapore and edinburgh were read, brisbane and toronto never. */
const OTHER_FIRMS = ["chicago", "dublin", "newyork", "singapore", "edinburgh", "brisbane", "toronto"];

/** The sample's recognition targets, measured on each other firm's mailbox. */
async function otherFirmLines(): Promise<BenchLine[]> {
  const lines: BenchLine[] = [];
  for (const firm of OTHER_FIRMS) {
    const q = await corpusQuality(join("data/firms", firm));
    lines.push(
      atLeast(`firms.${firm}.matterPrecision`, q.precision, "ratio", 0.98),
      atLeast(`firms.${firm}.matterCoverage`, q.coverage, "ratio", 0.9),
      atLeast(`firms.${firm}.ambiguousAbstained`, q.ambiguous ? q.ambiguousAbstained / q.ambiguous : 1, "ratio", 1),
    );
  }
  return lines;
}

export async function run(): Promise<BenchLine[]> {
  const quality = await corpusQuality();
  const firms = await otherFirmLines();
  const directory = generateDirectory(20_000, 50_000);
  const builds: number[] = [];
  let index = buildDirectoryIndex(directory);
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    index = buildDirectoryIndex(directory);
    builds.push(performance.now() - t0);
  }
  const messages = (await corpusMessages()).map((s) => s.message);
  // Point some of the sample's senders at generated contacts and matters, so lookups hit.
  const contacts = directory.clients.flatMap((c) => c.contacts);
  const probes: MailMessage[] = messages.map((m, i) =>
    i % 2 === 0
      ? m
      : {
          ...m,
          from: { email: contacts[(i * 7919) % contacts.length].email },
          subject: `${m.subject} ${directory.matters[(i * 104729) % directory.matters.length].number}`,
        },
  );
  const ctx = { index, me: ["partner@bench.test"], history: emptyFilingHistory() };
  // Warm-up: the optimising compiler settles after a few thousand calls, not after one pass.
  for (let pass = 0; pass < 10; pass++) for (const m of probes) recognize(m, ctx);
  // Each message's cost is the mean of 20 calls in a row (garbage collection included), taken as the best of 5
  // rounds spread over the run: on a shared machine another tenant's burst lands on one round, not on the figure.
  const perMessage = probes.map(() => Infinity);
  const firstRound: number[] = [];
  const rounds = 20;
  for (let round = 0; round < 5; round++) {
    probes.forEach((m, k) => {
      const t0 = performance.now();
      for (let i = 0; i < rounds; i++) recognize(m, ctx);
      const us = ((performance.now() - t0) * 1000) / rounds;
      if (round === 0) firstRound.push(us);
      perMessage[k] = Math.min(perMessage[k], us);
    });
  }
  return [
    atLeast("sample.matterPrecision", quality.precision, "ratio", 0.98),
    atLeast("sample.matterCoverage", quality.coverage, "ratio", 0.9),
    atLeast("sample.ambiguousAbstained", quality.ambiguous ? quality.ambiguousAbstained / quality.ambiguous : 1, "ratio", 1),
    ...firms,
    atMost("recognize.usPerMessage", median(perMessage), "µs", 50),
    // For context: the same median from the first round alone, with whatever the machine was doing then.
    info("recognize.usPerMessageOneRound", median(firstRound), "µs"),
    info("recognize.usPerMessageP90", [...perMessage].sort((a, b) => a - b)[Math.floor(perMessage.length * 0.9)], "µs"),
    atMost("recognize.indexBuildMs", median(builds), "ms", 500),
    info("machine.jsLoopNsPerChar", jsLoopNsPerChar(), "ns/char (a fixed JS loop: higher means the machine is slower right now)"),
  ];
}
