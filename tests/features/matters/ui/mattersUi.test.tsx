// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { DirectorySettingsSection } from "@features/matters/ui/DirectorySettingsSection";
import { MattersSection } from "@features/matters/ui/MattersSection";
import { SelectionNotice } from "@features/matters/ui/SelectionNotice";
import { TIMELINE_PAGE } from "@features/matters/api";
import { MatterDetails } from "@features/matters/ui/MatterDetails";
import { MatterlineError } from "@domain/errors";
import type { LogEntry } from "@domain/matterLog/types";
import type { FakeMailItem } from "@simulators/office";
import { idbStores, openAccountDb } from "@adapters/storage";
import { directory, mail } from "../fixtures";
import { wirePane } from "../../../hosts/wiredPane";

const me = { email: "rosa@quill.test", name: "Rosa Quill" };
const a = mail({ subject: "Lease 2026-0101" });
const b = mail({ subject: "Just a note", bodyText: "See you" });
const invoices = mail({ subject: "Supplier invoices", conversationId: "s1" });
/** An email Outlook lists as selected that is gone from the mailbox when read. */
const gone: FakeMailItem = {
  itemId: "AAMkAGgone",
  subject: "c",
  from: { displayName: "Ivy Marlow", emailAddress: "ivy@marlow.test" },
  dateTimeCreated: "2026-03-02T10:00:00.000Z",
  bodyText: "",
};

/**
 * The pane as Outlook builds it on Mailbox 1.13 (several emails can be selected; they are read through Graph), over a
 * mailbox with "a" (cites matter 2026-0101), "b" (names none: recognition is not sure) and the supplier's invoices.
 * The log and the directory are the pane's own stores, opened beside it.
 */
async function wired() {
  const pane = await wirePane({ directory, me, now: "2026-03-05T12:00:00Z", mail: [a, b, invoices], mailbox: "1.13" });
  const stores = idbStores(await openAccountDb(me.email));
  return { pane, cap: pane.capabilities.matters!, store: stores.directory, log: stores.log };
}

/** The wired pane with "a", "b" and, when `withGone`, the vanished email selected in that order. */
/** Client question `i` filed to matter 2026-0102, an hour after question `i - 1`. */
function question(i: number): LogEntry {
  const at = new Date(Date.parse("2026-01-01T09:00:00.000Z") + i * 3_600_000).toISOString();
  return {
    internetMessageId: `<bulk-${i}@marlow.test>`,
    conversationId: `c-${i}`,
    direction: "inbound",
    from: { name: "Ivy Marlow", email: "ivy@marlow.test" },
    to: [{ email: me.email }],
    cc: [],
    subject: `Question ${i}`,
    sentAt: at,
    receivedAt: at,
    snippet: "",
    attachmentNames: [],
    matterId: "x2",
    category: "2026-0102",
    loggedBy: me.email,
    loggedAt: at,
    source: "manual",
    timeEntry: null,
    mailbox: null,
    graphId: null,
  };
}

async function selecting(withGone = false) {
  const w = await wired();
  await w.pane.office.controller.selectItems([w.pane.itemOf(a), w.pane.itemOf(b), ...(withGone ? [gone] : [])]);
  return w;
}

describe("DirectorySettingsSection", () => {
  it("lists every problem of a broken import and keeps the directory shown", async () => {
    const { pane, store } = await wired();
    render(<DirectorySettingsSection capabilities={pane.capabilities} />);
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
    const { pane } = await wired();
    render(<DirectorySettingsSection capabilities={pane.capabilities} />);
    await screen.findByTestId("directory-summary");
    const file = new File([JSON.stringify({ ...directory, matters: directory.matters.slice(0, 1) })], "directory.json");
    await userEvent.upload(screen.getByTestId("directory-file-input"), file);
    expect((await screen.findByTestId("directory-import-done")).textContent).toContain("2 clients and 1 matters");
    await waitFor(() => expect(screen.getByTestId("directory-summary").textContent).toContain("1 matters (1 open)"));
  });
});

describe("MattersSection", () => {
  it("finds a matter by its alias with the keyboard and opens its timeline", async () => {
    const { pane } = await wired();
    await pane.capabilities.filing!.log(await pane.open(invoices), "x2");
    render(<MattersSection capabilities={pane.capabilities} />);
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

  it("opens a matter of hundreds of emails on its newest page and reads more on request, keeping focus", async () => {
    const { pane, log } = await wired();
    const total = 2 * TIMELINE_PAGE + 30;
    for (let i = 0; i < total; i++) await log.commit({ put: question(i) });
    render(<MattersSection capabilities={pane.capabilities} />);
    await userEvent.type(screen.getByTestId("matter-search-input"), "2026-0102");
    await screen.findAllByTestId("matter-search-option");
    await userEvent.keyboard("{Enter}");
    expect((await screen.findByRole("heading", { name: `Timeline (${total})` })).tagName).toBe("H4");
    const shown = () => screen.getAllByTestId("timeline-item");
    expect(shown()).toHaveLength(TIMELINE_PAGE);
    expect(shown()[0].textContent).toContain(`Question ${total - 1}`);
    expect(shown()[TIMELINE_PAGE - 1].textContent).toContain(`Question ${total - TIMELINE_PAGE}`);
    const more = screen.getByTestId("timeline-more");
    expect(more.textContent).toBe(`Show ${TIMELINE_PAGE} more of ${total - TIMELINE_PAGE}`);
    more.focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(shown()).toHaveLength(2 * TIMELINE_PAGE));
    expect(shown()[2 * TIMELINE_PAGE - 1].textContent).toContain("Question 30");
    expect(screen.getByTestId("timeline-more").textContent).toBe("Show 30 more of 30");
    expect(document.activeElement).toBe(screen.getByTestId("timeline-more"));
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(shown()).toHaveLength(total));
    expect(screen.queryByTestId("timeline-more")).toBeNull();
    expect(shown()[total - 1].textContent).toContain("Question 0");
  });

  it("reads the open timeline again in place when the shared record changes, keeping the rows and pages shown", async () => {
    const { pane, log } = await wired();
    const total = TIMELINE_PAGE + 5;
    for (let i = 0; i < total; i++) await log.commit({ put: question(i) });
    let changed = () => {};
    const record = { ...pane.capabilities.record!, onChanged: (l: () => void) => ((changed = l), () => undefined) };
    // Reads are held when asked, as a slow device's storage holds them, so what is on screen meanwhile can be seen.
    const real = pane.capabilities.matters!;
    let hold: Promise<void> | null = null;
    const asked: (number | undefined)[] = [];
    const matters = {
      ...real,
      openMatter: async (id: string, newest?: number) => {
        asked.push(newest);
        await hold;
        return real.openMatter(id, newest);
      },
    };
    render(<MattersSection capabilities={{ ...pane.capabilities, record, matters }} />);
    await userEvent.type(screen.getByTestId("matter-search-input"), "2026-0102");
    await screen.findAllByTestId("matter-search-option");
    await userEvent.keyboard("{Enter}");
    await userEvent.click(await screen.findByTestId("timeline-more"));
    const shown = () => screen.getAllByTestId("timeline-item");
    await waitFor(() => expect(shown()).toHaveLength(total));

    // A sync brought a colleague's filing of a newer email: the rows stay while the matter is read again.
    await log.commit({ put: question(total) });
    let release!: () => void;
    hold = new Promise((r) => (release = r));
    act(() => changed());
    await waitFor(() => expect(asked).toHaveLength(3));
    expect(shown()).toHaveLength(total);
    expect(screen.queryByText("Opening the matter…")).toBeNull();
    release();
    await waitFor(() => expect(shown()).toHaveLength(total + 1));
    expect(shown()[0].textContent).toContain(`Question ${total}`);
    expect(screen.getByRole("heading", { name: `Timeline (${total + 1})` })).toBeTruthy();
    // As many rows as were shown are read again, not the first page alone.
    expect(asked).toEqual([TIMELINE_PAGE, 2 * TIMELINE_PAGE, 2 * TIMELINE_PAGE]);
  });

  it("keeps the rows shown and says so plainly when more of the timeline cannot be read", async () => {
    const { pane } = await wired();
    await pane.capabilities.filing!.log(await pane.open(a), "x1");
    const real = pane.capabilities.matters!;
    const first = await real.openMatter("x1");
    expect(first.timeline).toHaveLength(1);
    // The matter opens; the next read fails as storage does when the browser ends the connection.
    const view = { ...first, timelineTotal: first.timeline.length + 5 };
    const matters = {
      ...real,
      openMatter: (_id: string, newest?: number) =>
        newest === TIMELINE_PAGE
          ? Promise.resolve(view)
          : Promise.reject(new MatterlineError("storage-failed", "Matterline could not read this device's storage.")),
    };
    render(<MatterDetails matters={matters} matterId="x1" onClose={() => undefined} />);
    await userEvent.click(await screen.findByTestId("timeline-more"));
    expect((await screen.findByRole("alert")).textContent).toContain("could not read this device's storage");
    expect(screen.getByTestId("matter-title").textContent).toContain("2026-0101");
    expect(screen.getByTestId("timeline-more").textContent).toBe("Show 5 more of 5");
  });

  it("tags the selected emails with progress and a result per email", async () => {
    const { pane, log } = await selecting(true);
    render(<MattersSection capabilities={pane.capabilities} />);
    expect((await screen.findByTestId("bulk-panel")).textContent).toContain("Tag 3 selected emails");
    await userEvent.click(screen.getByTestId("bulk-recognize"));
    const logButton = await screen.findByTestId("bulk-log");
    expect(logButton.textContent).toBe("Log 1 emails");
    await userEvent.click(logButton);
    const results = await screen.findAllByTestId("bulk-result");
    expect(results.map((r) => r.textContent)).toEqual([
      "logged",
      "skipped: not sure",
      "failed: The item was not found in the mailbox. It may have been deleted.",
    ]);
    expect(screen.getByTestId("bulk-summary").textContent).toBe("1 logged · 0 already logged · 1 skipped · 1 failed");
    expect((await log.get(a.internetMessageId!))?.matterId).toBe("x1");
  });

  it("gives a skipped email its own matter in the panel", async () => {
    const { pane, log } = await selecting();
    render(<MattersSection capabilities={pane.capabilities} />);
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
    expect((await log.get(b.internetMessageId!))?.matterId).toBe("x2");
  });

  it("warns before one matter for all moves emails that seem to belong elsewhere, and lists them", async () => {
    const { pane, log } = await selecting();
    render(<MattersSection capabilities={pane.capabilities} />);
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
    ).toEqual(["Lease 2026-0101 — looks like 2026-0101 Warehouse lease renewal"]);
    expect(screen.queryAllByTestId("bulk-result")).toHaveLength(0);
    expect(await log.get(a.internetMessageId!)).toBeNull();
    await userEvent.click(within(warning).getByTestId("bulk-differs-confirm"));
    await waitFor(() => expect(screen.getAllByTestId("bulk-result")).toHaveLength(2));
    expect((await log.get(a.internetMessageId!))?.matterId).toBe("x2");
  });

  it("This email says several are selected and opens the bulk panel", async () => {
    const { cap } = await selecting(true);
    const opened: string[] = [];
    render(<SelectionNotice matters={cap} onOpenBulk={() => opened.push("bulk")} />);
    expect((await screen.findByTestId("selection-notice")).textContent).toContain("3 emails are selected");
    await userEvent.click(screen.getByTestId("selection-open-bulk"));
    expect(opened).toEqual(["bulk"]);
  });

  it("says plainly when this Outlook cannot multi-select", async () => {
    const { pane, cap } = await wired();
    render(<MattersSection capabilities={{ ...pane.capabilities, matters: { ...cap, bulk: { ...cap.bulk, supported: false } } }} />);
    expect((await screen.findByTestId("bulk-unsupported")).textContent).toContain("Mailbox 1.13");
  });
});
