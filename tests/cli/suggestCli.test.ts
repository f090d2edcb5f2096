import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { parseEml } from "@adapters/mime/parseEml";
import { readMail } from "@domain/language/reading";

const run = promisify(execFile);
const root = join(__dirname, "../..");
const tsx = join(root, "node_modules/.bin/tsx");
const sample = join(root, "data/sample");

async function suggest(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(tsx, [join(root, "src/cli/suggest.ts"), ...args], { cwd: root });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const labels = readFileSync(join(sample, "labels.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map(
    (l) =>
      JSON.parse(l) as {
        file: string;
        senderRole: string;
        intent: string;
        needsReply: boolean | null;
        matterId: string | null;
        matterAmbiguous: boolean;
        negativeTone: boolean;
      },
  );
const matterNumbers = new Map(
  (JSON.parse(readFileSync(join(sample, "directory.json"), "utf8")) as { matters: { id: string; number: string }[] }).matters.map((m) => [
    m.id,
    m.number,
  ]),
);

describe("suggest CLI", () => {
  it("prints intent, tone and three plain drafts for a client message that needs a reply", async () => {
    const label = labels.find((l) => l.senderRole === "client" && l.needsReply && l.intent !== "thanks_ack")!;
    const r = await suggest(["--directory", join(sample, "directory.json"), "--mail", join(sample, "mail", label.file)]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      intent: string;
      negativeTone: boolean;
      drafts: { label: string; text: string; grade: number; longestSentenceWords: number }[];
    };
    expect(typeof out.intent).toBe("string");
    expect(typeof out.negativeTone).toBe("boolean");
    expect(out.drafts).toHaveLength(3);
    for (const d of out.drafts) {
      expect(Object.keys(d).sort()).toEqual(["grade", "label", "longestSentenceWords", "text"]);
      expect(d.grade).toBeLessThanOrEqual(8);
      expect(d.longestSentenceWords).toBeLessThanOrEqual(20);
    }
    expect(new Set(out.drafts.map((d) => d.text)).size).toBe(3);
  });

  it("names the matter recognition finds (references, contacts, keywords), as the pane would", async () => {
    const picked = labels
      .filter((l) => l.senderRole === "client" && l.needsReply && l.matterId && !l.matterAmbiguous && l.intent !== "complaint")
      .slice(0, 4);
    let named = 0;
    for (const label of picked) {
      const r = await suggest([
        "--directory",
        join(sample, "directory.json"),
        "--mail",
        join(sample, "mail", label.file),
        "--me",
        "katherine.sutton@bramleysutton.example",
      ]);
      expect(r.code).toBe(0);
      const drafts = (JSON.parse(r.stdout) as { drafts: { text: string }[] }).drafts;
      expect(drafts.length).toBeGreaterThan(0);
      if (drafts.some((d) => d.text.includes(matterNumbers.get(label.matterId as string) as string))) named += 1;
    }
    expect(named).toBeGreaterThanOrEqual(picked.length - 1);
  }, 60_000);

  it("gives no drafts to the other side writing about a client's matter", async () => {
    const label = labels.find((l) => l.senderRole === "opposing_counsel" && l.matterId)!;
    const r = await suggest(["--directory", join(sample, "directory.json"), "--mail", join(sample, "mail", label.file)]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { drafts: unknown[] }).drafts).toEqual([]);
  });

  it("reads a message as the pane does: a client's unhappiness is shown, the other side's hostility is not", async () => {
    const read = async (file: string) => readMail(await parseEml(readFileSync(join(sample, "mail", file))));
    const unhappyClient = labels.find((l) => l.senderRole === "client" && l.negativeTone)!;
    const client = await suggest(["--directory", join(sample, "directory.json"), "--mail", join(sample, "mail", unhappyClient.file)]);
    const reading = await read(unhappyClient.file);
    expect(JSON.parse(client.stdout)).toMatchObject({ intent: reading.intent, negativeTone: true });
    // The other side's mail that the words alone would call unhappy: it is not a client's unhappiness with the firm.
    let hostile: string | undefined;
    for (const l of labels.filter((x) => x.senderRole === "opposing_counsel")) if ((await read(l.file)).unhappy) hostile ??= l.file;
    expect(hostile).toBeDefined();
    const other = await suggest(["--directory", join(sample, "directory.json"), "--mail", join(sample, "mail", hostile!)]);
    expect(JSON.parse(other.stdout)).toMatchObject({ negativeTone: false, drafts: [] });
  }, 60_000);

  it("gives no drafts for a newsletter", async () => {
    const label = labels.find((l) => l.senderRole === "newsletter")!;
    const r = await suggest(["--directory", join(sample, "directory.json"), "--mail", join(sample, "mail", label.file)]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { drafts: unknown[] }).drafts).toEqual([]);
  });

  it("fails clearly on bad input", async () => {
    const missing = await suggest(["--directory", join(sample, "directory.json")]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/--mail is required/);
    expect(missing.stderr).toMatch(/Usage: suggest/);
    const noFile = await suggest(["--directory", join(sample, "nope.json"), "--mail", join(sample, "mail", "0001.eml")]);
    expect(noFile.code).not.toBe(0);
    expect(noFile.stderr).toMatch(/Cannot read the directory file/);
    const badDir = await suggest(["--directory", join(sample, "labels.jsonl"), "--mail", join(sample, "mail", "0001.eml")]);
    expect(badDir.code).not.toBe(0);
    expect(badDir.stderr.length).toBeGreaterThan(10);
  }, 60_000);

  it("refuses an unknown option and an option without its value, with the usage line", async () => {
    const unknown = await suggest([
      "--directory",
      join(sample, "directory.json"),
      "--mail",
      join(sample, "mail", "0001.eml"),
      "--mee",
      "x",
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Unknown option '--mee'/);
    expect(unknown.stdout).toBe("");
    const noValue = await suggest(["--directory", join(sample, "directory.json"), "--mail"]);
    expect(noValue.code).not.toBe(0);
    expect(noValue.stderr).toMatch(/'--mail <value>' argument missing/);
    expect(unknown.stderr).toMatch(/Usage: suggest/);
  }, 60_000);
});
