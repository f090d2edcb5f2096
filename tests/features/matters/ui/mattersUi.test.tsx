// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { MattersCapability } from "@features/matters/api";
import { DirectorySettingsSection } from "@features/matters/ui/DirectorySettingsSection";
import { MattersSection } from "@features/matters/ui/MattersSection";
import { SelectionNotice } from "@features/matters/ui/SelectionNotice";
import { summarizeDirectory, importDirectoryFiles, buildTimeline, prepareBulk, logBulk } from "@features/matters/service";
import { searchMatters } from "@domain/directory/directoryIndex";
import { DEFAULT_OVERDUE_SETTINGS } from "@domain/clock/overdueSettings";
import type { MailMessage } from "@domain/model/mail";
import type { SelectedItemRef } from "@ports/selectedItems";
import { directory, mail, setup } from "../fixtures";
import { fixedCapabilities } from "../../../shell/fixedCapabilities";

/** A matters capability over the real matters service and memory stores; only the Outlook selection is scripted. */
async function realMatters(selection: { refs: SelectedItemRef[]; messages: Map<string, MailMessage> } = { refs: [], messages: new Map() }) {
  const { provider, log, store, recognizer: pane } = await setup();
  const now = () => new Date("2026-03-05T12:00:00Z");
  const loaded = async () => (await provider.current())!;
  const cap: MattersCapability = {
    directory: async () => summarizeDirectory(await loaded()),
    onDirectoryChanged: (l) => provider.onChanged(() => l()),
    importFiles: (files) => importDirectoryFiles(provider, files, now()),
    sharedDirectoryUrl: () => Promise.resolve(null),
    saveSharedDirectoryUrl: () => Promise.resolve(),
    refreshFromShared: () => Promise.reject(new Error("not used")),
    search: async (q, limit) => searchMatters((await loaded()).index, q, limit),
    clients: async () => (await loaded()).directory.clients,
    openMatter: async (id) => {
      const { index } = await loaded();
      const matter = index.matterById.get(id)!;
      return {
        matter,
        client: index.clientById.get(matter.clientId),
        responsible: undefined,
        team: [],
        timeline: buildTimeline(await log.entriesForMatter(id), { index, matter, settings: DEFAULT_OVERDUE_SETTINGS, now: now() }),
      };
    },
    exportLog: () => Promise.resolve({ filename: "x.csv", mimeType: "text/csv", text: "" }),
    addContact: () => Promise.resolve(),
    matterLabel: async (id) => (await loaded()).index.matterById.get(id)?.number ?? id,
    bulk: {
      supported: true,
      selection: () => Promise.resolve(selection.refs),
      onSelectionChanged: () => () => undefined,
      prepare: async (refs, p) =>
        prepareBulk(
          refs,
          {
            read: (id) => {
              const m = selection.messages.get(id);
              return m ? Promise.resolve(m) : Promise.reject(new Error("gone"));
            },
            recognize: await pane.forBatch(() => [...selection.messages.values()]),
          },
          p,
        ),
      log: (c, d, p) => logBulk(c, d, { log, by: "tom@quill.test", now }, p),
    },
    queue: {
      load: () => Promise.resolve({ items: [], unreadable: [] }),
      log: () => Promise.reject(new Error("not used")),
    },
  };
  return { cap, store, log };
}

/**
 * The items `ids` selected in Outlook: "a" cites matter 2026-0101, "b" names none (recognition is not sure), any other
 * id is gone from the mailbox when read.
 */
async function selecting(ids: string[]) {
  const a = mail({ subject: "Lease 2026-0101" });
  const b = mail({ subject: "Just a note", bodyText: "See you" });
  const refs = ids.map((itemId) => ({ itemId, subject: itemId, conversationId: null }));
  const messages = new Map([
    ["a", a],
    ["b", b],
  ]);
  return { a, b, ...(await realMatters({ refs, messages })) };
}

const caps = (matters: MattersCapability) => fixedCapabilities("2026-03-05T12:00:00Z", { matters });

describe("DirectorySettingsSection", () => {
  it("lists every problem of a broken import and keeps the directory shown", async () => {
    const { cap, store } = await realMatters();
    render(<DirectorySettingsSection capabilities={caps(cap)} />);
    expect((await screen.findByTestId("directory-summary")).textContent).toContain("2 clients · 3 matters (2 open)");
    const broken = {
      ...directory,
      matters: [...directory.matters, { id: "x1", number: "2026-0999", clientId: "k9", title: "Bad", status: "maybe", responsible: "p1" }],
    };
    const file = new File([JSON.stringify(broken, null, 2)], "directory.json", { type: "application/json" });
    await userEvent.upload(screen.getByTestId("directory-file-input"), file);
    const notice = await screen.findByTestId("directory-import-error");
    expect(notice.textContent).toContain("was not imported");
    const items = within(notice)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items.some((t) => /duplicate id/.test(t ?? ""))).toBe(true);
    expect(items.some((t) => /k9/.test(t ?? ""))).toBe(true);
    expect(items.some((t) => /status/.test(t ?? ""))).toBe(true);
    expect((await store.load())?.directory.matters).toHaveLength(3);
    expect(screen.getByTestId("directory-summary").textContent).toContain("3 matters");
  });

  it("imports a good file and shows the new counts", async () => {
    const { cap } = await realMatters();
    render(<DirectorySettingsSection capabilities={caps(cap)} />);
    await screen.findByTestId("directory-summary");
    const file = new File([JSON.stringify({ ...directory, matters: directory.matters.slice(0, 1) })], "directory.json");
    await userEvent.upload(screen.getByTestId("directory-file-input"), file);
    expect((await screen.findByTestId("directory-import-done")).textContent).toContain("2 clients and 1 matters");
    await waitFor(() => expect(screen.getByTestId("directory-summary").textContent).toContain("1 matters (1 open)"));
  });
});

describe("MattersSection", () => {
  it("finds a matter by its alias with the keyboard and opens its timeline", async () => {
    const { cap, log } = await realMatters();
    await log.log({
      message: mail({ subject: "Supplier invoices", conversationId: "s1" }),
      matterId: "x2",
      by: "r",
      now: new Date("2026-03-05T12:00:00Z"),
      source: "manual",
    });
    render(<MattersSection capabilities={caps(cap)} />);
    const box = screen.getByTestId("matter-search-input");
    await userEvent.type(box, "RQ/0102");
    const options = await screen.findAllByTestId("matter-search-option");
    const target = options.findIndex((o) => o.textContent.includes("2026-0102"));
    expect(target).toBeGreaterThanOrEqual(0);
    // Walk down past the end and back up to the alias's matter: the keyboard alone picks it.
    for (let i = 0; i < options.length; i++) await userEvent.keyboard("{ArrowDown}");
    for (let i = options.length - 1; i > target; i--) await userEvent.keyboard("{ArrowUp}");
    const active = screen.getAllByTestId("matter-search-option").find((o) => o.getAttribute("aria-selected") === "true")!;
    expect(box.getAttribute("aria-activedescendant")).toBe(active.id);
    expect(active.textContent).toContain("2026-0102");
    await userEvent.keyboard("{Enter}");
    expect((await screen.findByTestId("matter-title")).textContent).toContain("2026-0102 Supplier contract dispute");
    const items = await screen.findAllByTestId("timeline-item");
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain("Supplier invoices");
    expect(screen.getByTestId("timeline-response").textContent).toMatch(/waiting/);
  });

  it("tags the selected emails with progress and a result per email", async () => {
    const { a, cap, log } = await selecting(["a", "b", "c"]);
    render(<MattersSection capabilities={caps(cap)} />);
    expect((await screen.findByTestId("bulk-panel")).textContent).toContain("Tag 3 selected emails");
    await userEvent.click(screen.getByTestId("bulk-recognize"));
    const logButton = await screen.findByTestId("bulk-log");
    expect(logButton.textContent).toBe("Log 1 emails");
    await userEvent.click(logButton);
    const results = await screen.findAllByTestId("bulk-result");
    expect(results.map((r) => r.textContent)).toEqual(["logged", "skipped: not sure", "failed: gone"]);
    expect(screen.getByTestId("bulk-summary").textContent).toBe("1 logged · 0 already logged · 1 skipped · 1 failed");
    expect((await log.entryFor(a.internetMessageId!))?.matterId).toBe("x1");
  });

  it("gives a skipped email its own matter in the panel", async () => {
    const { b, cap, log } = await selecting(["a", "b"]);
    render(<MattersSection capabilities={caps(cap)} />);
    await userEvent.click(await screen.findByTestId("bulk-recognize"));
    expect((await screen.findByTestId("bulk-log")).textContent).toBe("Log 1 emails");
    const rows = screen.getAllByTestId("bulk-row");
    await userEvent.click(within(rows[1]).getByTestId("bulk-choose"));
    await userEvent.type(within(rows[1]).getByTestId("bulk-row-matter-input"), "2026-0102");
    await userEvent.click((await within(rows[1]).findAllByTestId("bulk-row-matter-option"))[0]);
    expect(within(rows[1]).getByTestId("bulk-own-matter").textContent).toContain("2026-0102");
    expect(screen.getByTestId("bulk-log").textContent).toBe("Log 2 emails");
    await userEvent.click(screen.getByTestId("bulk-log"));
    await waitFor(() => expect(screen.getAllByTestId("bulk-result").map((r) => r.textContent)).toEqual(["logged", "logged"]));
    expect((await log.entryFor(b.internetMessageId!))?.matterId).toBe("x2");
  });

  it("warns before one matter for all moves emails that seem to belong elsewhere, and lists them", async () => {
    const { a, cap, log } = await selecting(["a", "b"]);
    render(<MattersSection capabilities={caps(cap)} />);
    await userEvent.click(await screen.findByTestId("bulk-recognize"));
    await screen.findByTestId("bulk-log");
    await userEvent.type(screen.getByTestId("bulk-matter-input"), "2026-0102");
    await userEvent.click((await screen.findAllByTestId("bulk-matter-option"))[0]);
    await userEvent.click(screen.getByTestId("bulk-log"));
    const warning = await screen.findByTestId("bulk-differs");
    expect(
      within(warning)
        .getAllByTestId("bulk-differs-item")
        .map((i) => i.textContent),
    ).toEqual(["Lease 2026-0101 — looks like 2026-0101"]);
    expect(screen.queryAllByTestId("bulk-result")).toHaveLength(0);
    expect(await log.entryFor(a.internetMessageId!)).toBeNull();
    await userEvent.click(within(warning).getByTestId("bulk-differs-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("bulk-result")).toHaveLength(2));
    expect((await log.entryFor(a.internetMessageId!))?.matterId).toBe("x2");
  });

  it("This email says several are selected and opens the bulk panel", async () => {
    const refs = ["a", "b", "c"].map((itemId) => ({ itemId, subject: itemId, conversationId: null }));
    const { cap } = await realMatters({ refs, messages: new Map() });
    const opened: string[] = [];
    render(<SelectionNotice matters={cap} onOpenBulk={() => opened.push("bulk")} />);
    expect((await screen.findByTestId("selection-notice")).textContent).toContain("3 emails are selected");
    await userEvent.click(screen.getByTestId("selection-open-bulk"));
    expect(opened).toEqual(["bulk"]);
  });

  it("says plainly when this Outlook cannot multi-select", async () => {
    const { cap } = await realMatters();
    render(<MattersSection capabilities={caps({ ...cap, bulk: { ...cap.bulk, supported: false } })} />);
    expect((await screen.findByTestId("bulk-unsupported")).textContent).toContain("Mailbox 1.13");
  });
});
