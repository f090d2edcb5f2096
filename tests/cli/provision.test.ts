import { describe, expect, it } from "vitest";
import { createGraphSimulator } from "@simulators/graph/index";
import { runProvision } from "@cli/provisionRun";
import { OPTIONS_KEY, RECORD_COLUMNS, RECORD_LIBRARY, RECORD_LIST } from "@adapters/graph/record/recordSchema";

const SITE = "https://firm.sharepoint.example/sites/Matters";

function run(sim: ReturnType<typeof createGraphSimulator>, args: string[], token = "admin-token") {
  const out: string[] = [];
  const err: string[] = [];
  return runProvision(args, { fetch: sim.fetch, token, out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({
    code,
    out,
    err,
  }));
}

describe("npm run provision", () => {
  it("creates the list with its columns, indexes and unique key, and the library; a second run changes nothing", async () => {
    const sim = createGraphSimulator();
    sim.sharePoint.addSite("firm.sharepoint.example", "/sites/Matters");
    const first = await run(sim, ["--site", SITE]);
    expect(first.code).toBe(0);
    expect(first.out.join("\n")).toContain(`Created the list "${RECORD_LIST}"`);
    expect(first.out.join("\n")).toContain(`Created the document library "${RECORD_LIBRARY}"`);
    const columns = sim.sharePoint.columns(SITE, RECORD_LIST);
    for (const want of RECORD_COLUMNS) {
      const have = columns.find((c) => c.name === want.name);
      expect(have, want.name!).toBeDefined();
      expect(have?.indexed).toBe(want.indexed === true);
      expect(have?.enforceUniqueValues).toBe(want.enforceUniqueValues === true);
    }
    const second = await run(sim, ["--site", SITE]);
    expect(second.code).toBe(0);
    expect(second.out.join("\n")).toContain("nothing changed");
  });

  it("checks and completes a list made by hand: missing columns added, the index and unique constraint set", async () => {
    const sim = createGraphSimulator();
    const siteId = sim.sharePoint.addSite("firm.sharepoint.example", "/sites/Matters");
    await sim.fetch(`https://graph.microsoft.com/v1.0/sites/${siteId}/lists`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        displayName: RECORD_LIST,
        columns: [
          { name: "InternetMessageId", text: {} },
          { name: "MatterId", text: {} },
        ],
      }),
    });
    const r = await run(sim, ["--site", SITE]);
    expect(r.code).toBe(0);
    const text = r.out.join("\n");
    expect(text).toContain("Column InternetMessageId: indexed, unique values enforced.");
    expect(text).toContain("Column MatterId: indexed.");
    expect(text).toContain("Added the column ClientId (indexed).");
    expect(sim.sharePoint.columns(SITE, RECORD_LIST).find((c) => c.name === "InternetMessageId")).toMatchObject({
      indexed: true,
      enforceUniqueValues: true,
    });
  });

  it("--attachments on|off sets the firm's option in the record's options item, idempotently; without it the option stays", async () => {
    const sim = createGraphSimulator();
    sim.sharePoint.addSite("firm.sharepoint.example", "/sites/Matters");
    const optionsItems = () => sim.sharePoint.listItems(SITE, RECORD_LIST).filter((i) => i.fields.InternetMessageId === OPTIONS_KEY);
    const plain = await run(sim, ["--site", SITE]);
    expect(plain.out.join("\n")).toContain("Attachments beside each filed .eml: off.");
    expect(optionsItems()).toEqual([]);

    const on = await run(sim, ["--site", SITE, "--attachments", "on"]);
    expect(on.code).toBe(0);
    expect(on.out.join("\n")).toContain("Turned on: each filing also stores the email's attachments beside its .eml.");
    expect(optionsItems().map((i) => JSON.parse(String(i.fields.RecordOptions)) as unknown)).toEqual([{ attachments: true }]);

    const again = await run(sim, ["--site", SITE, "--attachments", "ON"]);
    expect(again.out.join("\n")).toContain("nothing changed");
    expect(again.out.join("\n")).toContain("Attachments beside each filed .eml: on.");
    const kept = await run(sim, ["--site", SITE]);
    expect(kept.out.join("\n")).toContain("Attachments beside each filed .eml: on.");

    const off = await run(sim, ["--site", SITE, "--attachments", "off"]);
    expect(off.out.join("\n")).toContain("Turned off");
    expect(optionsItems().map((i) => JSON.parse(String(i.fields.RecordOptions)) as unknown)).toEqual([{ attachments: false }]);

    const bad = await run(sim, ["--site", SITE, "--attachments", "yes"]);
    expect(bad.code).toBe(2);
    expect(bad.err.join("\n")).toContain('--attachments takes "on" or "off"');
  });

  it("fails clearly: no --site, a bad address, a missing site, no token", async () => {
    const sim = createGraphSimulator();
    expect((await run(sim, [])).code).toBe(2);
    const bad = await run(sim, ["--site", "not a url"]);
    expect(bad.code).toBe(1);
    expect(bad.err.join("\n")).toContain("is not a site address");
    const missing = await run(sim, ["--site", SITE]);
    expect(missing.code).toBe(1);
    expect(missing.err.join("\n")).toContain("No SharePoint site at");
    const saved = process.env.MATTERLINE_GRAPH_TOKEN;
    delete process.env.MATTERLINE_GRAPH_TOKEN;
    expect((await run(sim, ["--site", SITE], "")).code).toBe(2);
    if (saved !== undefined) process.env.MATTERLINE_GRAPH_TOKEN = saved;
  });
});
