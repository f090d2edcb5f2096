import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, copyFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const KEYS = ["file", "messageId", "direction", "clientId", "matterId", "confidence", "reasons", "needsReply", "intent", "negativeTone", "status", "receivedAt", "dueAt", "answeredAt", "followUpDates"];
const ME = "katherine.sutton@bramleysutton.example";

function triage(args: string[]) {
  return spawnSync("npx", ["tsx", "src/cli/triage.ts", ...args], { encoding: "utf8", timeout: 120_000 });
}

describe("triage CLI", () => {
  it("prints one line per .eml in file order with exactly the DESIGN keys", () => {
    const r = triage(["--directory", "data/sample/directory.json", "--mail", "data/sample/mail", "--me", ME, "--now", "2025-08-26T15:30:00Z"]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const labels = readFileSync("data/sample/labels.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l) as { file: string; direction: string });
    expect(lines.map((l) => l.file)).toEqual(labels.map((l) => l.file));
    for (const l of lines) expect(Object.keys(l)).toEqual(KEYS);
    const directionRight = lines.filter((l, i) => l.direction === labels[i].direction).length;
    expect(directionRight / lines.length).toBeGreaterThan(0.95);
  }, 120_000);

  it("fails clearly on a missing folder and on an invalid directory", () => {
    const missing = triage(["--directory", "data/sample/directory.json", "--mail", "/nonexistent/mail", "--me", ME, "--now", "2025-08-26T15:30:00Z"]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/mail folder/);
    const dir = mkdtempSync(join(tmpdir(), "triage-"));
    writeFileSync(join(dir, "directory.json"), JSON.stringify({ firm: { name: "X", domains: ["x.test"], timeZone: "Nowhere/Zone", workingHours: { days: [1], start: "09:00", end: "17:00" }, holidays: [], matterRefPatterns: [] }, people: [], clients: [], matters: [{ id: "m1", number: "1", clientId: "c9", title: "t", status: "open", responsible: "u1" }] }));
    const bad = triage(["--directory", join(dir, "directory.json"), "--mail", "data/sample/mail", "--me", ME, "--now", "2025-08-26T15:30:00Z"]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/Nowhere\/Zone/);
    expect(bad.stderr).toMatch(/c9/);
    const noArgs = triage([]);
    expect(noArgs.status).not.toBe(0);
    expect(noArgs.stderr).toMatch(/usage/);
  }, 120_000);

  it("keeps going past an unreadable message and exits 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "triage-mail-"));
    copyFileSync("data/sample/mail/0002.eml", join(dir, "0001.eml"));
    writeFileSync(join(dir, "0002.eml"), "just some text, no headers at all\n");
    copyFileSync("data/sample/mail/0008.eml", join(dir, "0003.eml"));
    const r = triage(["--directory", "data/sample/directory.json", "--mail", dir, "--me", ME, "--now", "2025-08-26T15:30:00Z"]);
    expect(r.status).toBe(2);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(["0001.eml", "0002.eml", "0003.eml"]);
    expect(lines[1].error).toBeTruthy();
    expect(lines[0].matterId).toBeTruthy();
    expect(r.stderr).toMatch(/0002\.eml/);
  }, 120_000);
});
