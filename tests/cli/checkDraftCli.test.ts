import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(__dirname, "../..");
const tsx = join(root, "node_modules/.bin/tsx");

async function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(tsx, [join(root, "src/cli/checkDraft.ts"), ...args], { cwd: root });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe("check-draft CLI", () => {
  it("prints grade, reading ease and findings with exact spans", async () => {
    const dir = mkdtempSync(join(tmpdir(), "draft-"));
    const file = join(dir, "draft.txt");
    const text = "Dear Ms Lee,\n\nPursuant to our call, we shall send the deed forthwith.\n";
    writeFileSync(file, text);
    const r = await check([file]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      grade: number;
      readingEase: number;
      findings: { kind: string; text: string; suggestion: string; start: number; end: number }[];
    };
    expect(typeof out.grade).toBe("number");
    expect(typeof out.readingEase).toBe("number");
    expect(out.findings).toEqual([
      { kind: "jargon", text: "Pursuant to", suggestion: "Under", start: 14, end: 25 },
      { kind: "jargon", text: "shall", suggestion: "will", start: 39, end: 44 },
      { kind: "jargon", text: "forthwith", suggestion: "at once", start: 59, end: 68 },
    ]);
    for (const f of out.findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it("says oneClick: false for a finding offered as advice, keeping the shape of the others", async () => {
    const dir = mkdtempSync(join(tmpdir(), "draft-"));
    const file = join(dir, "draft.txt");
    writeFileSync(file, "It is important that the aforementioned lease is signed.");
    const r = await check([file]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { findings: Record<string, unknown>[] };
    expect(out.findings).toEqual([
      { kind: "wordy", text: "It is", suggestion: "", start: 0, end: 5, oneClick: false },
      { kind: "jargon", text: "aforementioned", suggestion: "this", start: 25, end: 39 },
      { kind: "passive", text: "is signed", start: 46, end: 55, suggestion: expect.any(String) as unknown, oneClick: false },
    ]);
  });

  it("fails clearly without a readable file", async () => {
    const none = await check([]);
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/Usage: check-draft/);
    const missing = await check([join(tmpdir(), "no-such-draft.txt")]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/Cannot read the draft file/);
  });

  it("refuses unknown options and more than one file, with the usage line", async () => {
    const unknown = await check(["--grade", "draft.txt"]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/Unknown option '--grade'/);
    expect(unknown.stderr).toMatch(/Usage: check-draft/);
    const two = await check(["a.txt", "b.txt"]);
    expect(two.code).not.toBe(0);
    expect(two.stderr).toMatch(/One draft file at a time/);
    expect(two.stdout).toBe("");
  }, 60_000);
});
