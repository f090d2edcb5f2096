// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { OverdueSection } from "@features/clock/ui/OverdueSection";
import { EmailClockSection } from "@features/clock/ui/EmailClockSection";
import { OverdueSettingsSection } from "@features/clock/ui/OverdueSettingsSection";
import { directory, mail } from "../overdueFixtures";
import { CLOCK_BAR_KEY } from "@features/clock/wire";
import { createOfficeItemNotifier } from "@adapters/office";
import { wirePane, type WiredPane } from "../../../hosts/wiredPane";

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const ME = { email: "alice@firm.example", name: "Alice Partner" };
const late = mail({
  id: "<late@t>",
  from: "carol@acme.example",
  to: [ME.email],
  subject: "Lease <draft> 2024-0012",
  body: "Could you send me the lease draft?",
  at: "2025-08-25T10:00:00Z",
  conv: "c1",
});
const soon = mail({
  id: "<soon@t>",
  from: "dan@zed.example",
  to: [ME.email],
  subject: "Hearing 2024-0044",
  body: "Please confirm the hearing date.",
  at: "2025-08-26T12:00:00Z",
  conv: "c2",
});
const thanks = mail({
  id: "<ty@t>",
  from: "carol@acme.example",
  to: [ME.email],
  subject: "Re: 2024-0012",
  body: "Thanks, received.",
  at: "2025-08-26T10:00:00Z",
  conv: "c3",
});

/** The pane as Outlook builds it, over a mailbox holding the three client emails (and any `extra`). */
function setup(extra: (typeof late)[] = []): Promise<WiredPane> {
  return wirePane({ directory, me: ME, now: "2025-08-26T15:30:00Z", mail: [late, soon, thanks, ...extra] });
}

/** The notification bars Outlook shows on a message. */
const bars = (t: WiredPane, m: typeof late) => t.office.controller.notifications(t.itemOf(m).itemId).map((n) => n.message);

const wrap = (ui: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);

describe("OverdueSection", () => {
  it("lists overdue and due-soon client mail most urgent first, leaving thanks out", async () => {
    const t = await setup();
    wrap(<OverdueSection capabilities={t.capabilities} />);
    const group = await screen.findByTestId("overdue-group");
    await waitFor(() => expect(within(group).getAllByTestId("overdue-item")).toHaveLength(1));
    expect(within(group).getByTestId("overdue-subject").textContent).toBe("Lease <draft> 2024-0012");
    expect(within(group).getByTestId("overdue-summary").textContent).toBe("Client waiting 29 h — reply was due 5 h ago");
    expect(within(group).getByText(/Acme Ltd · 2024-0012 Lease renewal · Alice Partner/)).toBeTruthy();
    expect(within(screen.getByTestId("due-soon-group")).getAllByTestId("overdue-item")).toHaveLength(1);
    expect(screen.queryByText("Re: 2024-0012")).toBeNull();
  });

  it("marks an unhappy client's email with the reason in the client's words, and only that one", async () => {
    const upset = mail({
      id: "<upset@t>",
      from: "carol@acme.example",
      to: [ME.email],
      subject: "Lease 2024-0012",
      body: "This is the third time I have asked for the signed lease. Please send it today.",
      at: "2025-08-25T11:00:00Z",
      conv: "c4",
    });
    const t = await setup([upset]);
    wrap(<OverdueSection capabilities={t.capabilities} />);
    const group = await screen.findByTestId("overdue-group");
    await waitFor(() => expect(within(group).getAllByTestId("overdue-item")).toHaveLength(2));
    const rows = within(group).getAllByTestId("overdue-item");
    const marked = rows.filter((r) => within(r).queryByTestId("overdue-unhappy") !== null);
    expect(marked).toHaveLength(1);
    expect(within(marked[0]).getByTestId("overdue-unhappy").textContent).toBe("Unhappy");
    expect(within(marked[0]).getByTestId("overdue-unhappy-reason").textContent).toMatch(
      /^repeated chasing: "[^"]*third time i have asked[^"]*"/,
    );
    expect(within(screen.getByTestId("due-soon-group")).queryByTestId("overdue-unhappy")).toBeNull();
  });

  it("records no reply needed with a reason, snoozes, and opens the reply, all by keyboard", async () => {
    const t = await setup();
    const user = userEvent.setup();
    wrap(<OverdueSection capabilities={t.capabilities} />);
    const group = await screen.findByTestId("overdue-group");
    await waitFor(() => expect(within(group).getAllByTestId("overdue-item")).toHaveLength(1));
    within(group).getByRole("button", { name: "Reply now" }).focus();
    await user.keyboard("{Enter}");
    // Nothing is open in Outlook: the message opens in its own window, to reply from there.
    expect((await screen.findByTestId("overdue-notice")).textContent).toContain("Message opened: reply from its window.");
    expect(t.office.controller.messageForms).toEqual([t.itemOf(late).itemId]);
    await user.click(within(group).getByRole("button", { name: "No reply needed" }));
    await user.type(screen.getByLabelText("Why no reply is needed"), "Called the client{Enter}");
    await waitFor(() => expect(within(screen.getByTestId("overdue-group")).queryAllByTestId("overdue-item")).toHaveLength(0));
    const dueSoon = screen.getByTestId("due-soon-group");
    await user.click(within(dueSoon).getByRole("button", { name: "Snooze" }));
    await user.click(await screen.findByRole("menuitem", { name: "1 hour" }));
    // Hidden from its group, still counted in it: the heading gives the number the digest and the team view give.
    await waitFor(() => expect(within(screen.getByTestId("due-soon-group")).getByTestId("group-snoozed")).toBeTruthy());
    expect(within(screen.getByTestId("due-soon-group")).getByRole("heading").textContent).toBe("Due soon (1)");
    expect(screen.getByTestId("overdue-notice").textContent).toContain(
      "Snoozed. It still counts as due soon in the digest and the team view.",
    );
  });

  it("says a snoozed overdue email still counts as overdue, and counts it in the Overdue heading", async () => {
    const t = await setup();
    const user = userEvent.setup();
    wrap(<OverdueSection capabilities={t.capabilities} />);
    const group = await screen.findByTestId("overdue-group");
    await waitFor(() => expect(within(group).getAllByTestId("overdue-item")).toHaveLength(1));
    await user.click(within(group).getByRole("button", { name: "Snooze" }));
    await user.click(await screen.findByRole("menuitem", { name: "1 hour" }));
    await waitFor(() => expect(screen.getByTestId("overdue-notice").textContent).toContain("It still counts as overdue"));
    expect(screen.getByTestId("overdue-notice").textContent).not.toContain("waiting");
    const after = screen.getByTestId("overdue-group");
    expect(within(after).queryAllByTestId("overdue-item")).toHaveLength(0);
    expect(within(after).getByRole("heading").textContent).toBe("Overdue (1)");
  });

  it("lists decided mail as set aside, with who and when, and undoes by keyboard", async () => {
    const t = await setup();
    const user = userEvent.setup();
    wrap(<OverdueSection capabilities={t.capabilities} />);
    const group = await screen.findByTestId("overdue-group");
    await waitFor(() => expect(within(group).getAllByTestId("overdue-item")).toHaveLength(1));
    await user.click(within(group).getByRole("button", { name: "No reply needed" }));
    await user.type(screen.getByLabelText("Why no reply is needed"), "Called the client{Enter}");
    const aside = await screen.findByTestId("set-aside-group");
    expect(within(aside).getByTestId("set-aside-subject").textContent).toBe("Lease <draft> 2024-0012");
    const decision = within(aside).getByTestId("set-aside-decision").textContent ?? "";
    expect(decision).toContain("No reply needed: Called the client (you, ");
    expect(decision).not.toMatch(/\d+\/\d+\/\d{4}|:\d\d:\d\d/); // the pane's short date format, not toLocaleString's
    // The success note offers the undo too; here the row's own button is used, by keyboard.
    expect(screen.getByTestId("overdue-notice-undo")).toBeTruthy();
    within(aside).getByTestId("overdue-undo").focus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(within(screen.getByTestId("overdue-group")).getAllByTestId("overdue-item")).toHaveLength(1));
    expect(screen.queryByTestId("set-aside-group")).toBeNull();
    expect(screen.getByTestId("overdue-notice").textContent).toContain("is back on the reply clock");

    await user.click(within(screen.getByTestId("due-soon-group")).getByRole("button", { name: "Snooze" }));
    await user.click(await screen.findByRole("menuitem", { name: "1 hour" }));
    await waitFor(() =>
      expect(within(screen.getByTestId("set-aside-group")).getByTestId("set-aside-decision").textContent).toMatch(/^Snoozed until /),
    );
    await user.click(screen.getByTestId("overdue-notice-undo"));
    await waitFor(() => expect(within(screen.getByTestId("due-soon-group")).getAllByTestId("overdue-item")).toHaveLength(1));
  });

  it("shows the team view as a chart with text values, and the escaped digest preview", async () => {
    const t = await setup();
    const user = userEvent.setup();
    wrap(<OverdueSection capabilities={t.capabilities} />);
    await screen.findAllByTestId("overdue-item");
    await user.click(screen.getByRole("switch", { name: "Team view" }));
    const rows = await screen.findAllByTestId("team-row");
    expect(screen.getByTestId("team-period").textContent).toMatch(
      /^Figures cover client email received .+ – .+ \(the last 30 days\): 3 messages\. Overdue, due soon and waiting count the emails in the list below \(the last 14 days\), snoozed ones too\.$/,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(screen.getAllByRole("img").some((svg) => /1 overdue/.test(svg.getAttribute("aria-label") ?? ""))).toBe(true);
    await user.click(screen.getByTestId("digest-open"));
    expect((await screen.findByTestId("digest-subject")).textContent).toBe("Test & Co: 1 overdue client email");
    // Drawn by the pane as text (the mail's HTML is not shown): the subject's markup is text, not elements.
    const preview = screen.getByTestId("digest-preview");
    expect(preview.querySelector("iframe, script, draft")).toBeNull();
    const row = within(preview).getAllByTestId("digest-row")[0];
    expect(row.textContent).toContain("Subject: Lease <draft> 2024-0012");
    expect(
      within(preview)
        .getAllByRole("heading")
        .map((h) => h.textContent),
    ).toEqual(expect.arrayContaining(["By mailbox", "By attorney"]));
    await user.click(screen.getByTestId("digest-send"));
    // Says where the message went.
    expect((await screen.findByTestId("digest-sent")).textContent).toBe(
      `Sent to ${ME.email} — check your inbox. A copy is in your Sent Items.`,
    );
    expect(t.graph.sentMail(ME.email).map((m) => m.subject)).toEqual(["Test & Co: 1 overdue client email"]);
  });

  it("shows a scan failure plainly and calmly: a passing outage is a warning that says it retries, not a red error", async () => {
    const t = await setup();
    t.graph.setOffline(true);
    wrap(<OverdueSection capabilities={t.capabilities} />);
    const notice = await screen.findByTestId("overdue-stale");
    expect(notice.textContent).toMatch(/Couldn't refresh — retrying.*cannot be reached.*tries again/);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("EmailClockSection", () => {
  it("shows the open message's state and puts the summary on the item", async () => {
    const t = await setup();
    wrap(<EmailClockSection capabilities={t.capabilities} item={await t.open(late)} />);
    expect((await screen.findByTestId("clock-state")).textContent).toBe("Overdue");
    // Why it is on the clock: the words that ask.
    expect(screen.getByTestId("clock-why").textContent).toMatch(/^Why: .*could you send/i);
    await waitFor(() => expect(bars(t, late)).toEqual(["Client waiting 29 h — reply was due 5 h ago"]));
  });

  it("shows the due time in the pane's format and undoes a decision, bringing the bar back", async () => {
    const t = await setup();
    const user = userEvent.setup();
    const overdue = t.capabilities.overdue!;
    const view = await overdue.scan();
    const { formatDateTime } = await import("@shell/dates");
    await overdue.markNoReplyNeeded(
      view.items.find((i) => i.internetMessageId === late.internetMessageId)!,
      "Answered by phone",
    );
    wrap(<EmailClockSection capabilities={t.capabilities} item={await t.open(late)} />);
    expect((await screen.findByTestId("clock-state")).textContent).toBe("No reply needed");
    expect(screen.getByTestId("clock-decision").textContent).toContain("Answered by phone");
    // Someone decided otherwise: the reading's reason for the clock would contradict the decision shown.
    expect(screen.queryByTestId("clock-why")).toBeNull();
    await waitFor(() => expect(bars(t, late)).toEqual([]));
    await user.click(screen.getByTestId("clock-undo"));
    await waitFor(() => expect(screen.getByTestId("clock-state").textContent).toBe("Overdue"));
    expect(screen.queryByTestId("clock-undo")).toBeNull();
    expect(screen.getByTestId("clock-due").textContent).toBe(`Reply due ${formatDateTime("2025-08-26T10:00:00Z")}`);
    await waitFor(() => expect(bars(t, late)).toEqual(["Client waiting 29 h — reply was due 5 h ago"]));
  });

  it("clears the bar for mail that needs no reply", async () => {
    const t = await setup();
    const item = await t.open(thanks);
    // A bar left from before (say, the message was thought to need a reply) goes when the pane sees it needs none.
    await createOfficeItemNotifier(t.office.office).show(CLOCK_BAR_KEY, "Client waiting 5 h");
    expect(bars(t, thanks)).toEqual(["Client waiting 5 h"]);
    wrap(<EmailClockSection capabilities={t.capabilities} item={item} />);
    expect((await screen.findByTestId("clock-state")).textContent).toBe("No reply needed");
    expect(screen.getByTestId("clock-why").textContent).toBe("Why: thanks or acknowledgement only");
    await waitFor(() => expect(bars(t, thanks)).toEqual([]));
  });
});

describe("OverdueSettingsSection", () => {
  it("adds a watched mailbox and saves; bad values are listed", async () => {
    const t = await setup();
    const user = userEvent.setup();
    wrap(<OverdueSettingsSection capabilities={t.capabilities} />);
    await user.type(await screen.findByLabelText("Mailbox address to watch"), "Team@Firm.example{Enter}");
    await user.click(screen.getByTestId("overdue-settings-save"));
    await screen.findByText("Saved. The next scan uses these settings.");
    expect((await t.capabilities.overdue!.loadSettings()).watchedMailboxes).toEqual(["team@firm.example"]);
    await user.type(screen.getByLabelText("Mailbox address to watch"), "not-an-address{Enter}");
    await user.click(screen.getByTestId("overdue-settings-save"));
    expect((await screen.findByRole("alert")).textContent).toContain('"not-an-address" is not an email address.');
  });
});
