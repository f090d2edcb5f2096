import { describe, expect, it } from "vitest";
import { readFileSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, resolve } from "node:path";
import { parseStringPromise } from "xml2js";
import { featureRequirement } from "@adapters/office";

const root = resolve(__dirname, "..");
const manifestText = readFileSync(join(root, "manifest.xml"), "utf8");
type Node = Record<string, unknown> & { $?: Record<string, string>; $$?: Node[]; "#name": string; _?: string };

async function parse(): Promise<Node> {
  // explicitChildren + preserveChildrenOrder keep element order, which Outlook's schema checks.
  const doc = (await parseStringPromise(manifestText, { explicitChildren: true, preserveChildrenOrder: true, charsAsChildren: false })) as {
    OfficeApp: Node;
  };
  return doc.OfficeApp;
}
const children = (n: Node) => (n.$$ ?? []).map((c) => c["#name"]);
const child = (n: Node, name: string) => (n.$$ ?? []).find((c) => c["#name"] === name);
function all(n: Node, name: string, out: Node[] = []): Node[] {
  for (const c of n.$$ ?? []) {
    if (c["#name"] === name) out.push(c);
    all(c, name, out);
  }
  return out;
}

describe("manifest.xml", () => {
  it("is well-formed XML of a MailApp", async () => {
    const app = await parse();
    expect(app.$?.["xsi:type"]).toBe("MailApp");
  });

  it("has the top-level elements in the order Outlook's schema requires", async () => {
    const order = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "FormSettings",
      "Permissions",
      "Rule",
      "DisableEntityHighlighting",
      "VersionOverrides",
    ];
    const present = children(await parse());
    expect(present).toEqual(order.filter((name) => present.includes(name)));
    for (const required of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "Hosts",
      "FormSettings",
      "Permissions",
      "Rule",
      "VersionOverrides",
    ]) {
      expect(present, required).toContain(required);
    }
  });

  it("asks for ReadWriteMailbox, supports shared folders, pinning, read and compose surfaces, and OnMessageSend", async () => {
    const app = await parse();
    expect(child(app, "Permissions")?._).toBe("ReadWriteMailbox");
    expect(all(app, "SupportsSharedFolders")[0]?._).toBe("true");
    const pinning = all(app, "SupportsPinning");
    expect(pinning.length).toBeGreaterThanOrEqual(2);
    expect(pinning.every((p) => p._ === "true")).toBe(true);
    const points = all(app, "ExtensionPoint").map((e) => e.$?.["xsi:type"]);
    expect(points).toEqual(expect.arrayContaining(["MessageReadCommandSurface", "MessageComposeCommandSurface", "LaunchEvent"]));
    expect(all(app, "LaunchEvent").some((e) => e.$?.Type === "OnMessageSend")).toBe(true);
    const inner = all(app, "VersionOverrides").find((v) => v.$?.["xsi:type"] === "VersionOverridesV1_1");
    expect(inner).toBeDefined();
    const desktop = all(inner!, "DesktopFormFactor")[0];
    // SupportsSharedFolders must come first, then the FunctionFile, then extension points.
    expect(children(desktop).slice(0, 2)).toEqual(["SupportsSharedFolders", "FunctionFile"]);
  });

  it("opens the read pane with no message selected and on several messages, in the order of the ShowTaskpane schema", async () => {
    const app = await parse();
    const inner = all(app, "VersionOverrides").find((v) => v.$?.["xsi:type"] === "VersionOverridesV1_1")!;
    const paneOf = (surface: string) => {
      const point = all(inner, "ExtensionPoint").find((e) => e.$?.["xsi:type"] === surface)!;
      return all(point, "Action").find((a) => a.$?.["xsi:type"] === "ShowTaskpane")!;
    };
    // The element order of ShowTaskpane in MailAppVersionOverridesV1_1:
    // https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/0e9c52f8-050e-4a99-937c-627dc0fe8f01
    const read = paneOf("MessageReadCommandSurface");
    expect(children(read)).toEqual(["SourceLocation", "SupportsPinning", "SupportsNoItemContext", "SupportsMultiSelect"]);
    expect(child(read, "SupportsNoItemContext")?._).toBe("true");
    expect(child(read, "SupportsMultiSelect")?._).toBe("true");
    // Both are read-mode elements: the compose pane has a draft to work on and declares neither.
    expect(children(paneOf("MessageComposeCommandSurface"))).toEqual(["SourceLocation", "SupportsPinning"]);
    // The overrides as a whole need only Mailbox 1.5, so Outlook 2021 LTSC keeps the buttons; 1.13 elements apply where Outlook has 1.13.
    const sets = all(child(inner, "Requirements")!, "bt:Sets")[0];
    expect(sets.$?.DefaultMinVersion).toBe("1.5");
  });

  it("the README's table states the requirement set of every feature the pane checks at run time", () => {
    const readme = readFileSync(join(root, "README.md"), "utf8");
    const rows = readme.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---"));
    for (const [feature, need] of Object.entries(featureRequirement))
      expect(
        rows.some((r) => r.includes(`| ${need.set} ${need.version} |`)),
        `${feature}: ${need.set} ${need.version}`,
      ).toBe(true);
    expect(rows.some((r) => r.includes("SupportsMultiSelect") && r.includes("| Mailbox 1.13 |"))).toBe(true);
    expect(rows.some((r) => r.includes("SupportsNoItemContext") && r.includes("| Mailbox 1.13 |"))).toBe(true);
  });

  it("resolves every resid to a declared resource", async () => {
    const app = await parse();
    const declared = new Set(
      [...all(app, "bt:Image"), ...all(app, "bt:Url"), ...all(app, "bt:String")].map((n) => n.$?.id).filter(Boolean),
    );
    const used = new Set<string>();
    for (const n of [
      ...all(app, "bt:Image"),
      ...all(app, "Label"),
      ...all(app, "Title"),
      ...all(app, "Description"),
      ...all(app, "SourceLocation"),
      ...all(app, "FunctionFile"),
      ...all(app, "Runtime"),
      ...all(app, "Override"),
    ]) {
      const id = n.$?.resid;
      if (id) used.add(id);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const id of used) expect(declared.has(id), `resid ${id}`).toBe(true);
  });

  it("points every URL at the one dev base URL, at files the build produces, with icons of the named sizes", async () => {
    const urls = [...manifestText.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith("https://localhost:3000")).toBe(true);
    const builtPages = new Set(["/taskpane.html", "/commands.html", "/commands.js", "/help.html"]);
    for (const url of urls) {
      const path = new URL(url).pathname;
      if (path === "/") continue;
      if (path.startsWith("/assets/")) {
        const file = join(root, path);
        expect(existsSync(file), path).toBe(true);
        const size = /icon-(\d+)\.png$/.exec(path)?.[1];
        const png = readFileSync(file);
        expect(png.readUInt32BE(16), `${path} width`).toBe(Number(size));
        expect(png.readUInt32BE(20), `${path} height`).toBe(Number(size));
      } else {
        expect(builtPages.has(path), path).toBe(true);
      }
    }
    const app = await parse();
    for (const img of all(app, "bt:Image").filter((n) => n.$?.size)) {
      const id = img.$!.resid;
      const decl = all(app, "bt:Image").find((n) => n.$?.id === id)!;
      expect(decl.$!.DefaultValue).toContain(`icon-${img.$!.size}.png`);
    }
  });

  it("is read by office-addin-manifest info", () => {
    const out = execFileSync(join(root, "node_modules/.bin/office-addin-manifest"), ["info", "manifest.xml"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(out).toContain("Name: Matterline");
    expect(out).toContain("Permissions: ReadWriteMailbox");
  });
});
