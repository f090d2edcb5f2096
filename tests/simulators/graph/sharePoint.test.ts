import { describe, expect, it } from "vitest";
import type { ColumnDefinition, DriveItem, List, ListItem, Site, UploadSession } from "@microsoft/microsoft-graph-types";
import { createGraphSimulator, type GraphSimulator } from "@simulators/graph/index";

/** A Graph collection answer. */
interface Page<T> {
  value: T[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}
/** Graph's error body. */
interface ErrorBody {
  error: { code: string; message: string; innerError?: { code?: string } };
}
/** A list item with our test columns. */
type Item = ListItem & { fields?: Record<string, unknown>; deleted?: { state: string } };

const BASE = "https://graph.microsoft.com/v1.0";
const HOST = "bramley.sharepoint.example";

async function call<T = ErrorBody>(
  sim: GraphSimulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; json: T; text: string }> {
  const raw = body instanceof Uint8Array || typeof body === "string";
  const res = await sim.fetch(path.startsWith("http") ? path : `${BASE}${path}`, {
    method,
    headers: raw ? headers : { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : raw ? (body as BodyInit) : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json: json as T, text };
}

const COLUMNS = [
  { name: "InternetMessageId", text: { maxLength: 255 }, indexed: true, enforceUniqueValues: true },
  { name: "MatterId", text: {}, indexed: true },
  { name: "Subject2", text: {} },
  { name: "Snippet", text: { allowMultipleLines: true } },
  { name: "Hours", number: {} },
];

async function siteWithList(sim: GraphSimulator) {
  sim.sharePoint.addSite(HOST, "/sites/Matters", "Matters");
  const site = await call<Site>(sim, "GET", `/sites/${HOST}:/sites/Matters`);
  expect(site.status).toBe(200);
  const list = await call<List>(sim, "POST", `/sites/${site.json.id}/lists`, {
    displayName: "Matter email log",
    columns: COLUMNS,
    list: { template: "genericList" },
  });
  expect(list.status).toBe(201);
  const siteId = site.json.id!;
  const listId = list.json.id!;
  return { siteId, listId, items: `/sites/${siteId}/lists/${listId}/items` };
}

async function library(sim: GraphSimulator, siteId: string) {
  const lib = await call<List>(sim, "POST", `/sites/${siteId}/lists`, {
    displayName: "Matter email",
    list: { template: "documentLibrary" },
  });
  expect(lib.status).toBe(201);
  const drive = await call<{ id: string }>(sim, "GET", `/sites/${siteId}/lists/${lib.json.id!}/drive`);
  return drive.json.id;
}

describe("Graph simulator: SharePoint sites and lists", () => {
  it("resolves a site by host and path and by id; an unknown site is 404", async () => {
    const sim = createGraphSimulator();
    const id = sim.sharePoint.addSite(HOST, "/sites/Matters", "Matters");
    const byPath = await call<Site>(sim, "GET", `/sites/${HOST}:/sites/Matters`);
    expect(byPath.json).toMatchObject({ id, displayName: "Matters", webUrl: `https://${HOST}/sites/Matters` });
    expect((await call<Site>(sim, "GET", `/sites/${id}`)).json.id).toBe(id);
    expect((await call(sim, "GET", `/sites/${HOST}:/sites/Nope`)).status).toBe(404);
  });

  it("creates columns: unique values need an index; a duplicate column name is 409; an index can be added later", async () => {
    const sim = createGraphSimulator();
    const { siteId, listId } = await siteWithList(sim);
    const cols = `/sites/${siteId}/lists/${listId}/columns`;
    expect((await call(sim, "POST", cols, { name: "Ref", text: {}, enforceUniqueValues: true })).status).toBe(400);
    expect((await call(sim, "POST", cols, { name: "MatterId", text: {} })).status).toBe(409);
    const created = await call<ColumnDefinition>(sim, "POST", cols, { name: "ClientId", text: {} });
    expect(created.json).toMatchObject({ name: "ClientId", indexed: false });
    const patched = await call<ColumnDefinition>(sim, "PATCH", `${cols}/${created.json.id!}`, { indexed: true });
    expect(patched.json.indexed).toBe(true);
    expect(sim.sharePoint.columns(siteId, "Matter email log").find((c) => c.name === "InternetMessageId")).toMatchObject({
      indexed: true,
      enforceUniqueValues: true,
    });
  });

  it("creating a list with a title already used is 409", async () => {
    const sim = createGraphSimulator();
    const { siteId } = await siteWithList(sim);
    expect((await call(sim, "POST", `/sites/${siteId}/lists`, { displayName: "matter email log" })).status).toBe(409);
  });
});

describe("Graph simulator: list items", () => {
  it("creates, reads with $expand=fields, updates with If-Match and deletes", async () => {
    const sim = createGraphSimulator();
    const { items } = await siteWithList(sim);
    const created = await call<Item>(sim, "POST", items, {
      fields: { Title: "Hello", InternetMessageId: "<a@x>", MatterId: "m1", Hours: 0.3 },
    });
    expect(created.status).toBe(201);
    const id = created.json.id!;
    const read = await call<Item>(sim, "GET", `${items}/${id}?$expand=fields`);
    expect(read.json.fields).toMatchObject({ Title: "Hello", MatterId: "m1", Hours: 0.3 });
    const etag = read.json.eTag!;
    const updated = await call<Record<string, unknown>>(sim, "PATCH", `${items}/${id}/fields`, { MatterId: "m2" }, { "If-Match": etag });
    expect(updated.status).toBe(200);
    expect(updated.json.MatterId).toBe("m2");
    // The old eTag no longer matches: 412, and nothing changes.
    const stale = await call(sim, "PATCH", `${items}/${id}/fields`, { MatterId: "m3" }, { "If-Match": etag });
    expect(stale.status).toBe(412);
    expect(stale.json.error.code).toBe("resourceModified");
    expect((await call<Item>(sim, "GET", `${items}/${id}?$expand=fields`)).json.fields?.MatterId).toBe("m2");
    expect((await call(sim, "DELETE", `${items}/${id}`, undefined, { "If-Match": etag })).status).toBe(412);
    expect((await call(sim, "DELETE", `${items}/${id}`)).status).toBe(204);
    expect((await call(sim, "GET", `${items}/${id}`)).status).toBe(404);
  });

  it("refuses unknown fields, read-only fields, wrong types and text over 255 characters", async () => {
    const sim = createGraphSimulator();
    const { items } = await siteWithList(sim);
    expect((await call(sim, "POST", items, { fields: { Nope: "x" } })).status).toBe(400);
    expect((await call(sim, "POST", items, { fields: { Created: "2025-01-01T00:00:00Z" } })).status).toBe(400);
    expect((await call(sim, "POST", items, { fields: { Hours: "three" } })).status).toBe(400);
    expect((await call(sim, "POST", items, { fields: { Subject2: "x".repeat(256) } })).status).toBe(400);
    expect((await call(sim, "POST", items, { fields: { Snippet: "x".repeat(2000) } })).status).toBe(201);
  });

  it("a duplicate in a unique column is 409 nameAlreadyExists, naming the column", async () => {
    const sim = createGraphSimulator();
    const { items } = await siteWithList(sim);
    expect((await call(sim, "POST", items, { fields: { InternetMessageId: "<dup@x>" } })).status).toBe(201);
    const second = await call(sim, "POST", items, { fields: { InternetMessageId: "<DUP@x>" } });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe("nameAlreadyExists");
    expect(second.json.error.message).toContain("duplicate values were found in the following field(s) in the list: [InternetMessageId]");
  });

  it("filters only on indexed columns; past 5,000 items even the opt-in header fails", async () => {
    const sim = createGraphSimulator();
    const { items } = await siteWithList(sim);
    for (let i = 0; i < 3; i++)
      await call(sim, "POST", items, { fields: { InternetMessageId: `<f${i}@x>`, MatterId: `m${i % 2}`, Subject2: `s${i}` } });
    const indexed = await call<Page<Item>>(sim, "GET", `${items}?$expand=fields&$filter=${encodeURIComponent("fields/MatterId eq 'm0'")}`);
    expect(indexed.json.value).toHaveLength(2);
    const nonIndexed = await call(sim, "GET", `${items}?$filter=${encodeURIComponent("fields/Subject2 eq 's1'")}`);
    expect(nonIndexed.status).toBe(400);
    expect(nonIndexed.json.error.message).toContain("cannot be referenced in filter or orderby as it is not indexed");
    const optIn = { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" };
    expect((await call(sim, "GET", `${items}?$filter=${encodeURIComponent("fields/Subject2 eq 's1'")}`, undefined, optIn)).status).toBe(
      200,
    );
    // Grow the list past the threshold through $batch (20 creates a request).
    for (let b = 0; b < 251; b++) {
      const requests = Array.from({ length: 20 }, (_, j) => ({
        id: String(j),
        method: "POST",
        url: items.replace(/^\//, ""),
        headers: { "content-type": "application/json" },
        body: { fields: { InternetMessageId: `<big-${b}-${j}@x>`, MatterId: "m9" } },
      }));
      expect((await call(sim, "POST", "/$batch", { requests })).status).toBe(200);
    }
    const big = await call(sim, "GET", `${items}?$filter=${encodeURIComponent("fields/Subject2 eq 's1'")}`, undefined, optIn);
    expect(big.status).toBe(500);
    expect(big.json.error.message).toBe("The attempted operation is prohibited because it exceeds the list view threshold.");
    // An indexed filter still works on the big list.
    expect(
      (await call<Page<Item>>(sim, "GET", `${items}?$filter=${encodeURIComponent("fields/InternetMessageId eq '<f1@x>'")}`)).json.value,
    ).toHaveLength(1);
  });

  it("pages with $top and @odata.nextLink", async () => {
    const sim = createGraphSimulator();
    const { items } = await siteWithList(sim);
    for (let i = 0; i < 7; i++) await call(sim, "POST", items, { fields: { InternetMessageId: `<p${i}@x>` } });
    const seen: string[] = [];
    let url: string | undefined = `${items}?$top=3`;
    let pages = 0;
    while (url) {
      const r: { json: Page<Item> } = await call<Page<Item>>(sim, "GET", url);
      seen.push(...r.json.value.map((i) => i.id!));
      url = r.json["@odata.nextLink"];
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
  });
});

describe("Graph simulator: list item delta", () => {
  async function drain(sim: GraphSimulator, url: string) {
    const value: Item[] = [];
    let next: string | undefined = url;
    let delta = "";
    let requests = 0;
    while (next) {
      const r: { status: number; json: Page<Item> } = await call<Page<Item>>(sim, "GET", next);
      expect(r.status).toBe(200);
      requests++;
      value.push(...r.json.value);
      next = r.json["@odata.nextLink"];
      delta = r.json["@odata.deltaLink"] ?? delta;
    }
    return { value, delta, requests };
  }

  it("enumerates in pages, then reports changes and deletions since the deltaLink", async () => {
    const sim = createGraphSimulator();
    const { items, siteId } = await siteWithList(sim);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call<Item>(sim, "POST", items, { fields: { InternetMessageId: `<d${i}@x>` } })).json.id!);
    const first = await drain(sim, `${items}/delta?$expand=fields&$top=2`);
    expect(first.requests).toBe(3);
    expect(first.value.map((i) => i.fields?.InternetMessageId)).toHaveLength(5);
    // Nothing changed: one request, nothing in it.
    const idle = await drain(sim, first.delta);
    expect(idle).toMatchObject({ requests: 1, value: [] });
    sim.sharePoint.updateItem(siteId, "Matter email log", ids[1], { MatterId: "m7" });
    await call(sim, "DELETE", `${items}/${ids[3]}`);
    const changes = await drain(sim, idle.delta);
    expect(changes.value.find((i) => i.id === ids[1])?.fields?.MatterId).toBe("m7");
    expect(changes.value.find((i) => i.id === ids[3])).toEqual({ id: ids[3], deleted: { state: "deleted" } });
  });

  it("answers 410 resyncRequired with a fresh link when a token can no longer be served", async () => {
    const sim = createGraphSimulator();
    const { items, siteId } = await siteWithList(sim);
    await call(sim, "POST", items, { fields: { InternetMessageId: "<e@x>" } });
    const first = await drain(sim, `${items}/delta`);
    sim.sharePoint.expireDeltaTokens(siteId, "Matter email log");
    const gone = await call(sim, "GET", first.delta);
    expect(gone.status).toBe(410);
    expect(gone.json.error.code).toBe("resyncRequired");
    const restart = await drain(sim, gone.headers.get("location")!);
    expect(restart.value).toHaveLength(1);
  });

  it("token=latest gives a deltaLink without enumerating", async () => {
    const sim = createGraphSimulator();
    const { items } = await siteWithList(sim);
    await call(sim, "POST", items, { fields: { InternetMessageId: "<l@x>" } });
    const r = await call<Page<Item>>(sim, "GET", `${items}/delta?token=latest`);
    expect(r.json.value).toEqual([]);
    expect(r.json["@odata.deltaLink"]).toContain("token=");
  });
});

describe("Graph simulator: document library", () => {
  it("creates folders, refuses SharePoint's invalid names and paths over 400 characters", async () => {
    const sim = createGraphSimulator();
    const { siteId } = await siteWithList(sim);
    const driveId = await library(sim, siteId);
    const children = `/drives/${driveId}/root/children`;
    const ok = await call<DriveItem>(sim, "POST", children, {
      name: "2025-0042 Harbour lease",
      folder: {},
      "@microsoft.graph.conflictBehavior": "fail",
    });
    expect(ok.status).toBe(201);
    expect((await call(sim, "POST", children, { name: "2025-0042 Harbour lease", folder: {} })).status).toBe(409);
    for (const bad of [
      'a"b',
      "a*b",
      "a:b",
      "a<b",
      "a>b",
      "a?b",
      "a/b",
      "a\\b",
      "a|b",
      " lead",
      "trail ",
      ".lead",
      "trail.",
      "CON",
      "~$x",
    ]) {
      const r = await call(sim, "POST", children, { name: bad, folder: {} });
      expect(r.status, bad).toBe(400);
    }
    const long = await call(sim, "PUT", `/drives/${driveId}/items/${ok.json.id!}:/${"x".repeat(380)}.eml:/content`, "mime", {
      "content-type": "text/plain",
    });
    expect(long.status).toBe(400);
    expect(long.json.error.innerError?.code).toBe("pathIsTooLong");
  });

  it("uploads up to 4 MB with PUT …:/content, replacing the same name; more needs an upload session", async () => {
    const sim = createGraphSimulator();
    const { siteId } = await siteWithList(sim);
    const driveId = await library(sim, siteId);
    const folder = await call<DriveItem>(sim, "POST", `/drives/${driveId}/root/children`, { name: "M1", folder: {} });
    const put = (body: string | Uint8Array) =>
      call<DriveItem>(sim, "PUT", `/drives/${driveId}/items/${folder.json.id!}:/mail.eml:/content`, body, { "content-type": "text/plain" });
    const first = await put("first");
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ name: "mail.eml", size: 5 });
    expect((await put("second")).status).toBe(200);
    expect(sim.sharePoint.fileText(siteId, "Matter email", "M1/mail.eml")).toBe("second");
    expect((await put(new Uint8Array(4 * 1024 * 1024 + 1))).status).toBe(413);
  });

  it("takes an upload session in 320 KiB fragments, resumes after a dropped one, and refuses mistakes", async () => {
    const sim = createGraphSimulator();
    const { siteId } = await siteWithList(sim);
    const driveId = await library(sim, siteId);
    const folder = await call<DriveItem>(sim, "POST", `/drives/${driveId}/root/children`, { name: "M1", folder: {} });
    const session = await call<UploadSession>(sim, "POST", `/drives/${driveId}/items/${folder.json.id!}:/big.eml:/createUploadSession`, {
      item: { "@microsoft.graph.conflictBehavior": "replace" },
    });
    expect(session.status).toBe(200);
    const url = session.json.uploadUrl!;
    expect(url.startsWith("https://graph.microsoft.com")).toBe(false);
    const unit = 320 * 1024;
    const data = new Uint8Array(unit * 2 + 100).map((_, i) => i % 251);
    const frag = (start: number, end: number, headers: Record<string, string> = {}) =>
      call<UploadSession & DriveItem>(sim, "PUT", url, data.slice(start, end + 1), {
        "Content-Range": `bytes ${start}-${end}/${data.length}`,
        ...headers,
      });
    // A bearer token on the pre-authorized URL is refused.
    expect((await frag(0, unit - 1, { Authorization: "Bearer x" })).status).toBe(401);
    // Not a multiple of 320 KiB (and not the last fragment).
    expect((await frag(0, 999)).status).toBe(400);
    const one = await frag(0, unit - 1);
    expect(one.status).toBe(202);
    expect(one.json.nextExpectedRanges).toEqual([`${unit}-`]);
    // The next fragment is dropped on the way: nothing of it is kept.
    sim.failNext(1, "drop", (r) => r.path === "/_api/v2.0/uploadSession");
    await expect(frag(unit, 2 * unit - 1)).rejects.toThrow();
    const status = await call<UploadSession>(sim, "GET", url);
    expect(status.json.nextExpectedRanges).toEqual([`${unit}-`]);
    expect((await frag(0, unit - 1)).status).toBe(416);
    expect((await frag(2 * unit, data.length - 1)).status).toBe(416);
    expect((await frag(unit, 2 * unit - 1)).status).toBe(202);
    const done = await frag(2 * unit, data.length - 1);
    expect(done.status).toBe(201);
    expect(done.json).toMatchObject({ name: "big.eml", size: data.length });
  });

  it("moves a file by PATCH parentReference and deletes it", async () => {
    const sim = createGraphSimulator();
    const { siteId } = await siteWithList(sim);
    const driveId = await library(sim, siteId);
    const a = await call<DriveItem>(sim, "POST", `/drives/${driveId}/root/children`, { name: "A", folder: {} });
    const b = await call<DriveItem>(sim, "POST", `/drives/${driveId}/root/children`, { name: "B", folder: {} });
    const file = await call<DriveItem>(sim, "PUT", `/drives/${driveId}/items/${a.json.id!}:/x.eml:/content`, "x", {
      "content-type": "text/plain",
    });
    const fileId = file.json.id!;
    const moved = await call(sim, "PATCH", `/drives/${driveId}/items/${fileId}`, { parentReference: { id: b.json.id } });
    expect(moved.status).toBe(200);
    expect(sim.sharePoint.fileText(siteId, "Matter email", "B/x.eml")).toBe("x");
    expect(sim.sharePoint.fileText(siteId, "Matter email", "A/x.eml")).toBeNull();
    expect((await call<DriveItem>(sim, "GET", `/drives/${driveId}/root:/B/x.eml`)).json.id).toBe(fileId);
    expect((await call(sim, "DELETE", `/drives/${driveId}/items/${fileId}`)).status).toBe(204);
    expect((await call(sim, "GET", `/drives/${driveId}/items/${fileId}`)).status).toBe(404);
  });
});

describe("Graph simulator: ethical walls", () => {
  it("hides a walled folder and walled items from outsiders (404), refuses creating there (403), shows them to the allowed", async () => {
    const sim = createGraphSimulator({ signedInUser: "amelia@firm.example" });
    const { siteId, items } = await siteWithList(sim);
    const driveId = await library(sim, siteId);
    const folder = await call<DriveItem>(sim, "POST", `/drives/${driveId}/root/children`, { name: "2025-0099 Secret", folder: {} });
    const item = await call<Item>(sim, "POST", items, { fields: { InternetMessageId: "<w@x>", MatterId: "m99" } });
    const folderId = folder.json.id!;
    const itemId = item.json.id!;
    sim.sharePoint.addEthicalWall({
      site: siteId,
      folder: "2025-0099 Secret",
      items: { list: "Matter email log", column: "MatterId", value: "m99" },
      allowed: ["katherine@firm.example"],
    });
    expect((await call(sim, "GET", `/drives/${driveId}/root:/2025-0099 Secret`)).status).toBe(404);
    expect((await call(sim, "GET", `/drives/${driveId}/items/${folderId}`)).status).toBe(404);
    expect((await call(sim, "POST", `/drives/${driveId}/root/children`, { name: "2025-0099 Secret", folder: {} })).status).toBe(403);
    expect(
      (await call(sim, "PUT", `/drives/${driveId}/root:/2025-0099 Secret/x.eml:/content`, "x", { "content-type": "text/plain" })).status,
    ).toBe(403);
    expect((await call(sim, "GET", `${items}/${itemId}`)).status).toBe(404);
    expect((await call<Page<Item>>(sim, "GET", `${items}?$filter=${encodeURIComponent("fields/MatterId eq 'm99'")}`)).json.value).toEqual(
      [],
    );
    expect((await call<Page<Item>>(sim, "GET", `${items}/delta`)).json.value).toEqual([]);
    expect((await call(sim, "POST", items, { fields: { InternetMessageId: "<w2@x>", MatterId: "m99" } })).status).toBe(403);
    sim.setSignedInUser("katherine@firm.example");
    expect((await call(sim, "GET", `/drives/${driveId}/root:/2025-0099 Secret`)).status).toBe(200);
    expect((await call(sim, "GET", `${items}/${itemId}`)).status).toBe(200);
  });
});

describe("Graph simulator: SharePoint throttling, $batch and MIME", () => {
  it("answers 429 and 503 with Retry-After when told to", async () => {
    const sim = createGraphSimulator();
    const { items } = await siteWithList(sim);
    sim.failNext(1, { status: 503, retryAfterSec: 2 }, (r) => r.path.startsWith("/sites/"));
    const r503 = await call(sim, "GET", items);
    expect(r503.status).toBe(503);
    expect(r503.headers.get("retry-after")).toBe("2");
    sim.throttle429(1, 3);
    const r429 = await call(sim, "GET", items);
    expect(r429.status).toBe(429);
    expect(r429.headers.get("retry-after")).toBe("3");
  });

  it("refuses more than 20 requests in one $batch", async () => {
    const sim = createGraphSimulator();
    const { items } = await siteWithList(sim);
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: "GET", url: items.slice(1) }));
    expect((await call(sim, "POST", "/$batch", { requests })).status).toBe(400);
  });

  it("gives a message's MIME at /messages/{id}/$value", async () => {
    const sim = createGraphSimulator();
    const m = sim.addMessage("me", "inbox", {
      internetMessageId: "<mime@x>",
      subject: "Lease — draft",
      from: { emailAddress: { name: "Ann", address: "ann@client.example" } },
      body: { contentType: "text", content: "Hello\nthere" },
    });
    const r = await call(sim, "GET", `/me/messages/${m.id}/$value`);
    expect(r.status).toBe(200);
    expect(r.text).toContain("Message-ID: <mime@x>");
    expect(r.text).toContain("Subject: =?utf-8?B?");
    expect(r.text).toContain("Hello\r\nthere");
    const seeded = sim.addMessage("me", "inbox", { internetMessageId: "<raw@x>" }, { mime: "Subject: raw\r\n\r\nbody" });
    expect((await call(sim, "GET", `/me/messages/${seeded.id}/$value`)).text).toBe("Subject: raw\r\n\r\nbody");
  });
});
