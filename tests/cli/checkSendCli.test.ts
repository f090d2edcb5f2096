import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ME = "katherine.sutton@bramleysutton.example";

function checkSend(args: string[]) {
  return spawnSync("npx", ["tsx", "src/cli/checkSend.ts", ...args], { encoding: "utf8", timeout: 240_000 });
}

function eml(headers: Record<string, string>, body = "Hello."): string {
  const lines = Object.entries({
    From: ME,
    Date: "Tue, 26 Aug 2025 10:00:00 +0100",
    "Message-ID": "<x@test>",
    Subject: "Test",
    ...headers,
  });
  return `${lines.map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${body}\r\n`;
}

describe("check-send CLI", () => {
  it("prints one line per .eml in file-name order with exactly file and warnings", () => {
    const r = checkSend(["--directory", "data/sample/directory.json", "--mail", "data/sample/mail", "--me", ME]);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; warnings: Record<string, unknown>[] });
    const files = readdirSync("data/sample/mail")
      .filter((f) => f.endsWith(".eml"))
      .sort();
    expect(lines.map((l) => l.file)).toEqual(files);
    for (const l of lines) {
      expect(Object.keys(l)).toEqual(["file", "warnings"]);
      for (const w of l.warnings) expect(Object.keys(w)).toEqual(["kind", "recipient", "reason", "suggestion"]);
    }
    // The sample's one reply to the other side with the client copied is the only warning.
    expect(lines.filter((l) => l.warnings.length > 0).map((l) => [l.file, l.warnings.map((w) => w.kind)])).toEqual([
      ["0036.eml", ["client-and-opposing"]],
    ]);
  }, 60_000);

  it("reads Bcc, suggests the address a lookalike resembles, and goes on past a bad file (exit code 2)", () => {
    const dir = mkdtempSync(join(tmpdir(), "check-send-"));
    writeFileSync(join(dir, "a.eml"), eml({ To: "lucy.brennan@northgatelogistcs.example", Subject: "RE: 2025-0042" }));
    writeFileSync(join(dir, "b.eml"), "this is not an email");
    writeFileSync(
      join(dir, "c.eml"),
      eml({ To: "lucy.brennan@northgatelogistics.example", Bcc: "graham.whitlock@btinternet.example", Subject: "2025-0042" }),
    );
    copyFileSync("data/sample/mail/0037.eml", join(dir, "d.eml"));
    const r = checkSend(["--directory", "data/sample/directory.json", "--mail", dir, "--me", ME]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/check-send: b\.eml: /);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { file: string; warnings: { kind: string; recipient: string; suggestion: string | null }[] });
    expect(lines.map((l) => l.file)).toEqual(["a.eml", "c.eml", "d.eml"]);
    expect(lines[0].warnings).toEqual([
      expect.objectContaining({
        kind: "lookalike",
        recipient: "lucy.brennan@northgatelogistcs.example",
        suggestion: "lucy.brennan@northgatelogistics.example",
      }),
    ]);
    expect(lines[1].warnings.map((w) => [w.kind, w.recipient])).toEqual([["other-client", "graham.whitlock@btinternet.example"]]);
    expect(lines[2].warnings).toEqual([]);
  }, 60_000);

  it("refuses bad input with a clear message and exit code 1", () => {
    const cases: [string[], RegExp][] = [
      [["--mail", "data/sample/mail", "--me", ME], /--directory, --mail and --me are required/],
      [["--directory", "missing.json", "--mail", "data/sample/mail", "--me", ME], /cannot read the directory file missing\.json/],
      [["--directory", "data/sample/directory.json", "--mail", "nowhere", "--me", ME], /cannot read the mail folder nowhere/],
      [["--directory", "data/sample/directory.json", "--mail", "data/sample/mail", "--me", "nobody"], /"nobody" is not an email address/],
      [["--directory", "data/sample/directory.json", "--mail", "data/sample/mail", "--me", ME, "--wat"], /Unknown option '--wat'/],
    ];
    for (const [args, message] of cases) {
      const r = checkSend(args);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe("");
    }
    const bad = mkdtempSync(join(tmpdir(), "check-send-dir-"));
    writeFileSync(join(bad, "directory.json"), JSON.stringify({ firm: {}, clients: "no" }));
    const r = checkSend(["--directory", join(bad, "directory.json"), "--mail", "data/sample/mail", "--me", ME]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/problems?; nothing was imported/);
  }, 240_000);
});
