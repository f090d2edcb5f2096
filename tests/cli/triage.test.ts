import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, copyFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const KEYS = [
  "file",
  "messageId",
  "direction",
  "clientId",
  "matterId",
  "confidence",
  "reasons",
  "needsReply",
  "intent",
  "negativeTone",
  "status",
  "receivedAt",
  "dueAt",
  "answeredAt",
  "followUpDates",
];
const ME = "katherine.sutton@bramleysutton.example";

function triage(args: string[]) {
  return spawnSync("npx", ["tsx", "src/cli/triage.ts", ...args], { encoding: "utf8", timeout: 240_000 });
}

describe("triage CLI", () => {
  it("prints one line per .eml in file order with exactly the documented keys", () => {
    const r = triage([
      "--directory",
      "data/sample/directory.json",
      "--mail",
      "data/sample/mail",
      "--me",
      ME,
      "--now",
      "2025-08-26T15:30:00Z",
    ]);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const labels = readFileSync("data/sample/labels.jsonl", "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; direction: string });
    expect(lines.map((l) => l.file)).toEqual(labels.map((l) => l.file));
    for (const l of lines) expect(Object.keys(l)).toEqual(KEYS);
    const directionRight = lines.filter((l, i) => l.direction === labels[i].direction).length;
    expect(directionRight / lines.length).toBeGreaterThan(0.95);
    const utc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    for (const l of lines) {
      expect(typeof l.status).toBe("string");
      expect(typeof l.intent).toBe("string");
      expect(typeof l.negativeTone).toBe("boolean");
      expect(Array.isArray(l.followUpDates)).toBe(true);
      for (const k of ["receivedAt", "dueAt", "answeredAt"]) if (l[k] !== null) expect(l[k]).toMatch(utc);
      if (l.direction !== "inbound") expect(l.needsReply).toBeNull();
    }
    const statusRight = lines.filter((l, i) => l.status === (labels[i] as unknown as { status: string }).status).length;
    expect(statusRight / lines.length).toBeGreaterThanOrEqual(0.97);
  }, 300_000);

  it("runs the business-day clock with --business-days and honours --sla-hours", () => {
    const labels = readFileSync("data/sample/labels.jsonl", "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { statusBusinessDays: string });
    const r = triage([
      "--directory",
      "data/sample/directory.json",
      "--mail",
      "data/sample/mail",
      "--me",
      ME,
      "--now",
      "2025-08-26T15:30:00Z",
      "--business-days",
    ]);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { status: string; dueAt: string | null; receivedAt: string });
    const right = lines.filter((l, i) => l.status === labels[i].statusBusinessDays).length;
    expect(right / lines.length).toBeGreaterThanOrEqual(0.97);
    // --sla-hours plays the user's setting: a matter's own deadline wins, then a client's. Here the matters set none
    // and one client sets 6 hours.
    const sample = JSON.parse(readFileSync("data/sample/directory.json", "utf8")) as {
      clients: { id: string; slaHours?: number }[];
      matters: { slaHours?: number }[];
    };
    const clientWithSla = sample.clients[0].id;
    const edited = {
      ...sample,
      clients: sample.clients.map((c) => (c.id === clientWithSla ? { ...c, slaHours: 6 } : c)),
      matters: sample.matters.map(({ slaHours: _matterSla, ...m }) => m),
    };
    const dir = mkdtempSync(join(tmpdir(), "triage-sla-"));
    writeFileSync(join(dir, "directory.json"), JSON.stringify(edited));
    const long = triage([
      "--directory",
      join(dir, "directory.json"),
      "--mail",
      "data/sample/mail",
      "--me",
      ME,
      "--now",
      "2025-08-26T15:30:00Z",
      "--sla-hours",
      "100",
    ]);
    expect(long.status).toBe(0);
    const tracked = long.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { dueAt: string | null; receivedAt: string; clientId: string | null })
      .filter((l) => l.dueAt !== null);
    const hours = (l: { dueAt: string | null; receivedAt: string }) =>
      (Date.parse(l.dueAt as string) - Date.parse(l.receivedAt)) / 3_600_000;
    expect(tracked.filter((l) => l.clientId === clientWithSla).map(hours)).toContain(6);
    expect(tracked.filter((l) => l.clientId !== clientWithSla).map(hours)).toContain(100);
    for (const l of tracked) expect(hours(l)).toBe(l.clientId === clientWithSla ? 6 : 100);
    const badSla = triage([
      "--directory",
      "data/sample/directory.json",
      "--mail",
      "data/sample/mail",
      "--me",
      ME,
      "--now",
      "2025-08-26T15:30:00Z",
      "--sla-hours",
      "soon",
    ]);
    expect(badSla.status).not.toBe(0);
    expect(badSla.stderr).toMatch(/sla-hours/);
  }, 600_000);

  it("fails clearly on a missing folder and on an invalid directory", () => {
    const missing = triage([
      "--directory",
      "data/sample/directory.json",
      "--mail",
      "/nonexistent/mail",
      "--me",
      ME,
      "--now",
      "2025-08-26T15:30:00Z",
    ]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/mail folder/);
    const dir = mkdtempSync(join(tmpdir(), "triage-"));
    writeFileSync(
      join(dir, "directory.json"),
      JSON.stringify({
        firm: {
          name: "X",
          domains: ["x.test"],
          timeZone: "Nowhere/Zone",
          workingHours: { days: [1], start: "09:00", end: "17:00" },
          holidays: [],
          matterRefPatterns: [],
        },
        people: [],
        clients: [],
        matters: [{ id: "m1", number: "1", clientId: "c9", title: "t", status: "open", responsible: "u1" }],
      }),
    );
    const bad = triage([
      "--directory",
      join(dir, "directory.json"),
      "--mail",
      "data/sample/mail",
      "--me",
      ME,
      "--now",
      "2025-08-26T15:30:00Z",
    ]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/Nowhere\/Zone/);
    expect(bad.stderr).toMatch(/c9/);
    const noArgs = triage([]);
    expect(noArgs.status).not.toBe(0);
    expect(noArgs.stderr).toMatch(/--directory, --mail, --me and --now are required/);
    expect(noArgs.stderr).toMatch(/usage/);
    const unknown = triage([
      "--directory",
      "data/sample/directory.json",
      "--mail",
      "data/sample/mail",
      "--me",
      ME,
      "--now",
      "2025-08-26T15:30:00Z",
      "--sla",
      "4",
    ]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/Unknown option '--sla'/);
    expect(unknown.stdout).toBe("");
  }, 300_000);

  it("keeps going past an unreadable message and exits 2", () => {
    const dir = mkdtempSync(join(tmpdir(), "triage-mail-"));
    copyFileSync("data/sample/mail/0002.eml", join(dir, "0001.eml"));
    writeFileSync(join(dir, "0002.eml"), "just some text, no headers at all\n");
    copyFileSync("data/sample/mail/0008.eml", join(dir, "0003.eml"));
    const r = triage(["--directory", "data/sample/directory.json", "--mail", dir, "--me", ME, "--now", "2025-08-26T15:30:00Z"]);
    expect(r.status).toBe(2);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.file)).toEqual(["0001.eml", "0002.eml", "0003.eml"]);
    expect(lines[1].error).toBeTruthy();
    expect(lines[0].matterId).toBeTruthy();
    expect(lines[0].status).toBeTruthy();
    expect(lines[2].status).toBeTruthy();
    expect(Object.keys(lines[1])).toEqual([...KEYS, "error"]);
    expect(r.stderr).toMatch(/0002\.eml/);
  }, 300_000);
});
