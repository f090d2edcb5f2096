import { describe, expect, it } from "vitest";
import { MatterlineError } from "@domain/errors";
import {
  importDirectoryFiles,
  refreshSharedDirectory,
  saveSharedDirectoryUrl,
  SHARED_DIRECTORY_URL_KEY,
  addClientContact,
} from "@features/matters/service";
import { createDirectoryProvider } from "@domain/directory/directoryProvider";
import { MemoryDirectoryStore, MemorySettingsStore } from "@adapters/storage/memoryStores";
import { directory, setup } from "./fixtures";

const NOW = new Date("2026-03-05T12:00:00Z");

async function rejection(p: Promise<unknown>): Promise<MatterlineError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MatterlineError) return e;
    throw e;
  }
  throw new Error("expected a rejection");
}

describe("directory import through the provider", () => {
  it("imports a valid directory.json and reports its counts", async () => {
    const { provider } = await setup();
    const next = { ...directory, firm: { ...directory.firm, name: "Quill & Ash LLP" } };
    const s = await importDirectoryFiles(provider, [{ name: "directory.json", text: JSON.stringify(next) }], NOW);
    expect(s).toEqual({ firm: "Quill & Ash LLP", people: 2, clients: 2, matters: 3, openMatters: 2, importedAt: NOW.toISOString() });
    expect((await provider.current())?.directory.firm.name).toBe("Quill & Ash LLP");
  });

  it("rejects a broken file with every problem listed and keeps the stored directory", async () => {
    const { provider, store } = await setup();
    const broken = {
      ...directory,
      firm: { ...directory.firm, matterRefPatterns: ["[A-Z]+/\\d+"] },
      clients: [...directory.clients, { id: "k1", name: "Duplicate", domains: [], contacts: [{ name: "X", email: "not-an-address" }] }],
      matters: [
        ...directory.matters,
        { id: "x9", number: "2026-0199", clientId: "k404", title: "Orphan", status: "open", responsible: "p1" },
      ],
    };
    const err = await rejection(importDirectoryFiles(provider, [{ name: "directory.json", text: JSON.stringify(broken, null, 2) }], NOW));
    expect(err.code).toBe("invalid-directory");
    const all = err.details.join("\n");
    expect(all).toMatch(/duplicate id/);
    expect(all).toMatch(/not-an-address/);
    expect(all).toMatch(/k404/);
    expect(all).toMatch(/"\[A-Z\]\+\/\\d\+" rescans/);
    expect(err.details.length).toBeGreaterThanOrEqual(4);
    expect((await store.load())?.importedAt).toBe("2026-03-01T00:00:00.000Z");
    expect((await provider.current())?.directory.clients).toHaveLength(2);
  });

  it("imports the three CSV files over the current firm and people, and lists what is missing", async () => {
    const { provider } = await setup();
    const clients = '\uFEFFID,Name,Domains\r\nk7,"Fenwick, Hale & Co",fenwick.test\r\n';
    const contacts = "clientId,name,email\r\nk7,Ada Fenwick,ada@fenwick.test\r\n";
    const matters = 'id,number,clientId,title,status,responsible,aliases\r\ny1,2026-0300,k7,"Share sale,\nphase 2",OPEN,p1,FH/0300\r\n';
    const missing = await rejection(
      importDirectoryFiles(
        provider,
        [
          { name: "clients.csv", text: clients },
          { name: "matters.csv", text: matters },
        ],
        NOW,
      ),
    );
    expect(missing.details.join("\n")).toMatch(/contacts\.csv is missing/);
    const s = await importDirectoryFiles(
      provider,
      [
        { name: "clients.csv", text: clients },
        { name: "contacts.csv", text: contacts },
        { name: "matters.csv", text: matters },
      ],
      NOW,
    );
    expect(s).toMatchObject({ firm: "Quill & Ash", people: 2, clients: 1, matters: 1 });
    expect((await provider.current())?.index.matterByRef.get("FH/0300")).toBe("y1");
  });

  it("refuses CSV files before any directory.json (they hold no firm settings)", async () => {
    const provider = createDirectoryProvider(new MemoryDirectoryStore());
    const err = await rejection(
      importDirectoryFiles(
        provider,
        [
          { name: "clients.csv", text: "id,name\nk1,A\n" },
          { name: "contacts.csv", text: "clientId,email\n" },
          { name: "matters.csv", text: "id,number,clientId,title,status,responsible\n" },
        ],
        NOW,
      ),
    );
    expect(err.details.join("\n")).toMatch(/import directory\.json first/);
    expect(await provider.current()).toBeNull();
  });

  it("refreshes from the shared link with the same validation", async () => {
    const { provider } = await setup();
    const settings = new MemorySettingsStore();
    await expect(saveSharedDirectoryUrl(settings, "ftp://nope")).rejects.toMatchObject({ code: "invalid-input" });
    await saveSharedDirectoryUrl(settings, "https://tenant.sharepoint.test/:u:/s/firm/abc");
    expect(await settings.get(SHARED_DIRECTORY_URL_KEY)).toBe("https://tenant.sharepoint.test/:u:/s/firm/abc");
    const asked: string[] = [];
    let text = "{ not json";
    const reader = {
      readSharedFile: (url: string) => {
        asked.push(url);
        return Promise.resolve(text);
      },
    };
    const bad = await rejection(refreshSharedDirectory({ provider, reader, settings }, NOW));
    expect(bad.code).toBe("invalid-directory");
    expect((await provider.current())?.importedAt).toBe("2026-03-01T00:00:00.000Z");
    text = JSON.stringify({ ...directory, matters: directory.matters.slice(0, 2) });
    expect((await refreshSharedDirectory({ provider, reader, settings }, NOW)).matters).toBe(2);
    expect(asked).toEqual(["https://tenant.sharepoint.test/:u:/s/firm/abc", "https://tenant.sharepoint.test/:u:/s/firm/abc"]);
  });

  it("adds a sender as a client contact, refusing firm, duplicate and invalid addresses", async () => {
    const { provider } = await setup();
    const empty = createDirectoryProvider(new MemoryDirectoryStore());
    await expect(addClientContact(empty, "k1", { email: "lee@marlow.test" }, NOW)).rejects.toMatchObject({ code: "no-directory" });
    await addClientContact(provider, "k1", { name: "Lee Marlow", email: "Lee@Marlow.test" }, NOW);
    expect((await provider.current())?.index.contactByEmail.get("lee@marlow.test")?.clientId).toBe("k1");
    await expect(addClientContact(provider, "k2", { email: "lee@marlow.test" }, NOW)).rejects.toThrow(/another client, Marlow Foods/);
    await expect(addClientContact(provider, "k2", { email: "tom@quill.test" }, NOW)).rejects.toThrow(/belongs to the firm/);
    await expect(addClientContact(provider, "k2", { email: "nope" }, NOW)).rejects.toMatchObject({ code: "invalid-input" });
    await expect(addClientContact(provider, "k404", { email: "z@z.test" }, NOW)).rejects.toThrow(/not in the firm directory/);
  });
});
