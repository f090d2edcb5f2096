// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { EmailFilingSection } from "@features/filing/ui/EmailFilingSection";
import { FilingSettingsSection } from "@features/filing/ui/FilingSettingsSection";
import { parseTime } from "@features/filing/ui/TimeEntryFields";
import type { FilingCapability } from "@features/filing/api";
import type { CurrentItem } from "@ports/mailSource";
import { MatterlineError, noDirectoryError } from "@domain/errors";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { MatterLog } from "@domain/matterLog/matterLog";
import { categoryResolver } from "@domain/matterLog/categoryName";
import { createFilingService } from "@features/filing/service";
import { createPaneRecognizer } from "@domain/recognition/paneRecognition";
import { MemoryFilingHistoryStore, MemoryMatterLogStore, MemoryOutboxStore, MemorySettingsStore } from "@adapters/storage/memoryStores";
import { directory, message } from "../../../domain/matterLog/fixtures";
import { fixedCapabilities } from "../../../shell/fixedCapabilities";

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const now = new Date("2026-03-02T16:31:00.000Z");

/** A real filing service over memory stores, adapted to the capability as the pane builder does. */
function makeFiling(overrides: Partial<FilingCapability> = {}) {
  const index = buildDirectoryIndex(directory);
  const log = new MemoryMatterLogStore();
  const history = new MemoryFilingHistoryStore();
  const outbox = new MemoryOutboxStore();
  const settings = new MemorySettingsStore();
  const matterLog = new MatterLog({ log, history, outbox, categoryFor: categoryResolver(directory), firmDomains: directory.firm.domains });
  const loaded = () => Promise.resolve({ directory, index, importedAt: "x" });
  const service = createFilingService({
    directory: loaded,
    matterLog: () => Promise.resolve(matterLog),
    recognizer: createPaneRecognizer({ directory: loaded, me: ["pat@firm.test"], history, log, outbox, now: () => now }),
    settings,
    me: "pat@firm.test",
    now: () => now,
    afterWrite: () => undefined,
    categoriesSupported: true,
  });
  let chosen: string | null = null;
  const msg = (item: CurrentItem) => item.message!;
  const filing: FilingCapability = {
    recognize: (item, o = {}) => service.recognize(msg(item), { useMailbox: o.useMailbox, allowAutoLog: item.mode === "read" }),
    log: (item, matterId, o = {}) => service.log(msg(item), matterId, { timeEntry: o.timeEntry }),
    unlog: (item) => service.unlog(msg(item)),
    retryMirror: (item) => service.retryMirror(msg(item)),
    searchMatters: (q) => service.searchMatters(q),
    settings: () => service.settings(),
    saveSettings: (s) => service.saveSettings(s),
    chosenForSend: () => Promise.resolve(chosen),
    chooseForSend: (id) => {
      chosen = id;
      return Promise.resolve();
    },
    onMirrorChanged: () => () => undefined,
    me: "pat@firm.test",
    onSendSupported: true,
    categoriesSupported: true,
    unloggedSends: () => Promise.resolve({ entries: [], more: 0 }),
    dismissUnloggedSends: () => Promise.resolve(),
    ...overrides,
  };
  return { filing, log, outbox, settings, service, chosen: () => chosen };
}

const caps = (filing: FilingCapability | undefined) => fixedCapabilities(now.toISOString(), { filing });

function show(filing: FilingCapability | undefined, item: CurrentItem) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <EmailFilingSection capabilities={caps(filing)} item={item} />
    </FluentProvider>,
  );
}

const read = (m = message()): CurrentItem => ({ mode: "read", itemId: m.id, message: m });
const sure = () => read(message({ subject: "2025-0042 plan", bodyText: "Plan attached.\n" }));
const ambiguous = () => read(message({ subject: "Quick question", bodyText: "Could you call me?\n" }));

describe("EmailFilingSection (read)", () => {
  it("renders nothing without the capability", () => {
    const { container } = show(undefined, sure());
    expect(container.querySelector("[data-testid=filing-section]")).toBeNull();
  });

  it("shows sent mail that log on send gave up on until the user dismisses it", async () => {
    let dismissed = 0;
    const { filing } = makeFiling({
      unloggedSends: () =>
        Promise.resolve(
          dismissed
            ? { entries: [], more: 0 }
            : {
                entries: [
                  { subject: "Lease terms", sentAt: "2026-03-02T10:00:00Z", matter: "2025-0042 Lease", reason: "not-found" as const },
                ],
                more: 2,
              },
        ),
      dismissUnloggedSends: () => {
        dismissed++;
        return Promise.resolve();
      },
    });
    show(filing, sure());
    const bar = await screen.findByTestId("unlogged-sends");
    expect(bar.textContent).toContain("3 sent emails were not logged to their matter");
    expect(bar.textContent).toContain("“Lease terms”");
    expect(bar.textContent).toContain("2025-0042 Lease");
    expect(bar.textContent).toContain("never turned up in Sent Items");
    expect(bar.textContent).toContain("and 2 more");
    await userEvent.setup().click(screen.getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByTestId("unlogged-sends")).toBeNull());
    expect(dismissed).toBe(1);
  });

  it("shows the client, the matter with confidence and the human reasons, and logs in one click", async () => {
    const { filing, log } = makeFiling();
    const item = sure();
    show(filing, item);
    const matter = await screen.findByTestId("filing-matter");
    expect(matter.textContent).toContain("2025-0042");
    expect(matter.textContent).toMatch(/\d+% sure/);
    expect(screen.getByTestId("filing-suggestion").textContent).toContain("Client: Northwind Holdings");
    expect(screen.getByTestId("filing-reasons").textContent).toContain("Subject cites 2025-0042");
    await userEvent.setup().click(screen.getByTestId("filing-log"));
    const line = await screen.findByTestId("filing-logged-line");
    expect(line.textContent).toMatch(/^Logged to 2025-0042 .* — by you, \d{1,2}:\d\d( ?[AP]M)?$/); // today: the time only, in the reader's locale
    // Announced politely, and the keyboard focus moves to the new status (the pressed button is gone).
    expect(screen.getByTestId("filing-announce").getAttribute("aria-live")).toBe("polite");
    expect(screen.getByTestId("filing-announce").textContent).toMatch(/^Logged to 2025-0042 /);
    await waitFor(() => expect(document.activeElement?.contains(screen.getByTestId("filing-logged"))).toBe(true));
    expect(screen.getByTestId("mirror-status").getAttribute("data-state")).toBe("waiting");
    expect((await log.get(item.message!.internetMessageId!))?.matterId).toBe("m1");
  });

  it("a filing whose mailbox copy was never queued says so and offers to mark it, never 'In the mailbox ✓'", async () => {
    const { filing, outbox } = makeFiling();
    const item = sure();
    show(filing, item);
    await userEvent.setup().click(await screen.findByTestId("filing-log"));
    await screen.findByTestId("filing-logged-line");
    // The mirror operation is lost, as after a crash between the log write and the enqueue.
    for (const o of await outbox.list()) await outbox.settle({ remove: [{ key: o.key, createdAt: o.createdAt }], update: [] });
    cleanup();
    show(filing, item);
    const status = await screen.findByTestId("mirror-status");
    expect(status.getAttribute("data-state")).toBe("unconfirmed");
    expect(status.textContent).toContain("Not confirmed in this mailbox");
    expect(status.textContent).not.toContain("In the mailbox ✓");
    await userEvent.setup().click(screen.getByRole("button", { name: "Mark in mailbox" }));
    await waitFor(() => expect(screen.getByTestId("mirror-status").getAttribute("data-state")).toBe("waiting"));
    expect((await outbox.list()).filter((o) => o.kind === "mirror")).toHaveLength(1);
  });

  it("offers the top candidates when unsure, and logs the one chosen", async () => {
    const { filing, log } = makeFiling();
    const item = ambiguous();
    show(filing, item);
    const options = await screen.findAllByTestId("filing-candidate");
    expect(options.length).toBeGreaterThanOrEqual(2);
    expect(options.length).toBeLessThanOrEqual(3);
    // Each choice says its part of the evidence, and the parts add up to at most 100.
    const shares = options.map((o) => Number(/\((\d+)% of the evidence\)/.exec(o.textContent ?? "")?.[1]));
    for (const share of shares) expect(share).toBeGreaterThan(0);
    expect(shares.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(101);
    expect(screen.queryByTestId("filing-log")).toBeNull(); // nothing pre-chosen when unsure
    const user = userEvent.setup();
    await user.click(screen.getByLabelText(/2025-0043/));
    await user.click(screen.getByTestId("filing-log"));
    await screen.findByTestId("filing-logged-line");
    expect((await log.get(item.message!.internetMessageId!))?.matterId).toBe("m2");
  });

  it("says 'Not a client' with the sender's role", async () => {
    const { filing } = makeFiling();
    show(
      filing,
      read(
        message({
          from: { email: "news@mailer.example" },
          subject: "Weekly digest",
          bodyText: "Read our news.\n",
          cc: [],
          headers: { "list-unsubscribe": "<mailto:x@mailer.example>" },
        }),
      ),
    );
    const box = await screen.findByTestId("filing-not-client");
    expect(box.textContent).toContain("Not a client");
    expect(box.textContent).toMatch(/bulk|not in the firm directory/);
  });

  it("changes the matter with the keyboard only", async () => {
    const { filing, log } = makeFiling();
    const item = sure();
    show(filing, item);
    await screen.findByTestId("filing-matter");
    const user = userEvent.setup();
    screen.getByTestId("filing-change").focus();
    await user.keyboard("{Enter}");
    const search = await screen.findByTestId("matter-search");
    expect(document.activeElement).toBe(search);
    await user.keyboard("employment");
    await screen.findAllByTestId("matter-option");
    await user.keyboard("{Enter}");
    await screen.findByTestId("filing-logged-line");
    expect((await log.get(item.message!.internetMessageId!))?.matterId).toBe("m2");
    // Re-filing shows the audit trail.
    screen.getByTestId("filing-change").focus();
    await user.keyboard("{Enter}");
    await user.keyboard("harbour");
    await screen.findAllByTestId("matter-option");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByTestId("filing-audit").textContent).toContain("refiled"));
  });

  it("validates the time entry and records valid time", async () => {
    const { filing, log } = makeFiling();
    const item = sure();
    show(filing, item);
    await screen.findByTestId("filing-matter");
    const user = userEvent.setup();
    await user.click(screen.getByLabelText("Record time"));
    const hours = screen.getByTestId("time-hours");
    await user.clear(hours);
    await user.type(hours, "0.25");
    expect(await screen.findByText(/tenths of an hour/)).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>("filing-log").disabled).toBe(true);
    await user.clear(hours);
    await user.type(hours, "0.3");
    await user.type(screen.getByTestId("time-narrative"), "Review plan");
    await user.click(screen.getByTestId("filing-log"));
    await screen.findByTestId("filing-logged-line");
    expect((await log.get(item.message!.internetMessageId!))?.timeEntry).toEqual({ tenths: 3, narrative: "Review plan" });
  });

  it("shows a failure as a MessageBar, not a blank pane", async () => {
    const { filing } = makeFiling({
      log: () => Promise.reject(new MatterlineError("storage-failed", "Disk full")),
    });
    show(filing, sure());
    await screen.findByTestId("filing-matter");
    await userEvent.setup().click(screen.getByTestId("filing-log"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("could not save");
    expect(screen.getByTestId("filing-matter")).toBeTruthy();
  });

  it("a recognition failure shows a MessageBar with retry", async () => {
    const recognize = vi.fn<FilingCapability["recognize"]>(() => Promise.reject(noDirectoryError()));
    const { filing } = makeFiling({ recognize });
    show(filing, sure());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Import the firm directory first (Settings tab).");
    expect(screen.getByText("Try again")).toBeTruthy();
  });

  it("says 'Logged automatically' with an undo when auto-log is on and sure", async () => {
    const { filing, service, log } = makeFiling();
    await service.saveSettings({ autoLog: true });
    const item = sure();
    show(filing, item);
    const line = await screen.findByTestId("filing-logged-line");
    expect(line.textContent).toContain("Logged automatically to 2025-0042");
    await userEvent.setup().click(screen.getByTestId("filing-undo"));
    await screen.findByTestId("filing-matter");
    expect(await log.get(item.message!.internetMessageId!)).toBeNull();
  });
});

describe("EmailFilingSection (compose)", () => {
  it("shows the recognized matter and saves the choice for log on send", async () => {
    const { filing, chosen } = makeFiling();
    const draft = message({
      from: { email: "pat@firm.test" },
      to: [{ email: "ann@northwind.test" }],
      cc: [],
      subject: "2025-0042 next steps",
      bodyText: "Hi Ann",
      internetMessageId: null,
    });
    show(filing, { mode: "compose", itemId: null, message: draft });
    expect((await screen.findByTestId("filing-matter")).textContent).toContain("2025-0042");
    expect(screen.getByTestId("send-choice").textContent).toBe("Not logged on send.");
    await userEvent.setup().click(screen.getAllByTestId("send-choose")[0]);
    await waitFor(() => expect(chosen()).toBe("m1"));
    expect(screen.getByTestId("send-choice").textContent).toContain("Will be logged on send to 2025-0042");
  });
});

describe("FilingSettingsSection", () => {
  it("stores the auto-log setting", async () => {
    const { filing, service } = makeFiling();
    render(
      <FluentProvider theme={webLightTheme}>
        <FilingSettingsSection capabilities={caps(filing)} />
      </FluentProvider>,
    );
    const toggle = await screen.findByRole("switch");
    await userEvent.setup().click(toggle);
    await waitFor(async () => expect((await service.settings()).autoLog).toBe(true));
  });
});

describe("parseTime", () => {
  it("accepts tenths between 0.1 and 24 h only", () => {
    expect(parseTime({ on: false, hours: "x", narrative: "" })).toEqual({ entry: null, error: null });
    expect(parseTime({ on: true, hours: "0,3", narrative: " n " }).entry).toEqual({ tenths: 3, narrative: "n" });
    expect(parseTime({ on: true, hours: "0", narrative: "" }).error).toMatch(/between/);
    expect(parseTime({ on: true, hours: "24.1", narrative: "" }).error).toMatch(/between/);
    expect(parseTime({ on: true, hours: "abc", narrative: "" }).error).toMatch(/number/);
  });
});
