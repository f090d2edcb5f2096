import { describe, expect, it } from "vitest";
import { createServer } from "node:http";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { MatterlineError } from "@domain/errors";
import type { Directory } from "@domain/directory/types";
import { readFirmFiles, readServedFirm, MAX_MAIL_FILE_BYTES, type PickedFile } from "@workbench/firmFiles";
import { parseMailFiles } from "@workbench/mailFiles";
// @ts-expect-error plain ESM helper without types (the dev server's side of `npm start -- --directory … --mail …`)
import * as servedUntyped from "../../scripts/workbenchFirm.mjs";

interface FirmOptions {
  directory?: string[];
  mail?: string;
}
type Middleware = (req: unknown, res: unknown, next: () => void) => Promise<void>;
const served = servedUntyped as {
  FIRM_PATH: string;
  readFirm(
    o: FirmOptions,
  ): Promise<{ directory: { name: string; text: string }[] | null; mail: { name: string; base64: string }[] | null; skipped: unknown[] }>;
  checkFirmOptions(o: FirmOptions): Promise<string[]>;
  firmMiddleware(o: FirmOptions): Middleware;
};

const FIXTURES = "tests/fixtures/hostile";
const sample = JSON.parse(readFileSync("data/sample/directory.json", "utf8")) as Directory;

const picked = (name: string, content: string | Uint8Array, size?: number): PickedFile => {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: size ?? bytes.byteLength,
    text: () => Promise.resolve(new TextDecoder().decode(bytes)),
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
  };
};

async function refusal(files: PickedFile[], base: Directory | null = sample): Promise<MatterlineError> {
  try {
    await readFirmFiles(files, base);
  } catch (e) {
    if (e instanceof MatterlineError) return e;
    throw e;
  }
  throw new Error("the files were accepted");
}

describe("a firm's own files for the workbench", () => {
  it("takes a directory.json and .eml files; a mail file over the cap is named and left out, not a refusal", async () => {
    const { firm, skipped } = await readFirmFiles(
      [
        picked("directory.json", readFileSync(`${FIXTURES}/directory.json`)),
        picked("a.eml", readFileSync(`${FIXTURES}/mail/06-recent.eml`)),
        picked("huge.eml", "x", MAX_MAIL_FILE_BYTES + 1),
      ],
      sample,
    );
    expect(firm.directory?.firm.name).toBe("Harrow Quill LLP");
    expect(firm.mail?.map((m) => m.name)).toEqual(["a.eml"]);
    expect(skipped).toEqual([{ file: "huge.eml", error: "larger than 25 MB, not loaded" }]);
  });

  it("keeps the current directory when only mail is dropped, and the current mail when only a directory is", async () => {
    expect((await readFirmFiles([picked("a.eml", readFileSync(`${FIXTURES}/mail/06-recent.eml`))], sample)).firm.directory).toBeNull();
    expect((await readFirmFiles([picked("directory.json", readFileSync(`${FIXTURES}/directory.json`))], sample)).firm.mail).toBeNull();
  });

  it("refuses everything, listing every problem, when the directory or a file is wrong", async () => {
    const bad = JSON.parse(readFileSync(`${FIXTURES}/directory.json`, "utf8")) as {
      matters: { clientId: string }[];
      firm: { timeZone: string };
    };
    bad.matters[0].clientId = "nobody";
    bad.firm.timeZone = "Mars/Olympus";
    const e = await refusal([
      picked("directory.json", JSON.stringify(bad)),
      picked("photo.png", "png"),
      picked("a.eml", "From: a@b.example\n\nhi"),
    ]);
    expect(e.code).toBe("invalid-directory");
    expect(e.details.some((d) => d.includes('"nobody"'))).toBe(true);
    expect(e.details.some((d) => d.includes("Mars/Olympus"))).toBe(true);
    expect(e.details).toContain("photo.png: not a directory file (.json, .csv) or an email (.eml)");
    // CSV files carry no firm settings or people: they need a directory to stand on.
    const csv = await refusal(
      [picked("clients.csv", "id,name\nc1,A\n"), picked("contacts.csv", "clientId,email\n"), picked("matters.csv", "x\n")],
      null,
    );
    expect(csv.details.some((d) => d.includes("import directory.json first"))).toBe(true);
    expect((await refusal([])).details[0]).toMatch(/^Nothing to load/);
  });

  it("reads what the dev server serves for --directory and --mail as a drop of the same files", async () => {
    const options = { directory: [`${FIXTURES}/directory.json`], mail: `${FIXTURES}/mail` };
    expect(await served.checkFirmOptions(options)).toEqual([]);
    expect(await served.checkFirmOptions({ directory: ["nope.json", "x.txt"], mail: "no/such/folder" })).toEqual([
      "--directory nope.json: no such file",
      "--directory x.txt: not a .json or .csv file",
      "--mail no/such/folder: no such folder",
    ]);
    const server = createServer((req, res) => void served.firmMiddleware(options)(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}${served.FIRM_PATH}`);
      expect(response.headers.get("content-type")).toContain("application/json");
      const { firm, skipped } = await readServedFirm((await response.json()) as never, sample);
      expect(skipped).toEqual([]);
      expect(firm.directory?.firm.name).toBe("Harrow Quill LLP");
      const { messages, problems } = await parseMailFiles(firm.mail ?? []);
      expect(messages).toHaveLength(5);
      expect(problems.map((p) => p.file)).toEqual(["05-not-an-email.eml"]);
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      await new Promise((done) => server.close(done));
    }
  });

  it("npm start stops with a plain message when a firm file is missing", () => {
    const run = spawnSync(process.execPath, ["scripts/start.mjs", "--directory", "no-such-directory.json"], {
      encoding: "utf8",
      timeout: 30000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("--directory");
    expect(run.stderr).toContain("no such file");
  });
});
