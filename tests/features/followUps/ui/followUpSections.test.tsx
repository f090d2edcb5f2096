// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { EmailFollowUpSection } from "@features/followUps/ui/EmailFollowUpSection";
import { UpcomingFollowUpsSection } from "@features/followUps/ui/UpcomingFollowUpsSection";
import { FollowUpSettingsSection } from "@features/followUps/ui/FollowUpSettingsSection";
import type { Capabilities } from "@shell/capabilities";
import type { FollowUpCapability, FollowUpEntry, FollowUpPlan, PreparedFollowUp } from "@features/followUps/api";
import type { CurrentItem } from "@ports/mailSource";
import type { GraphEventPayload } from "@domain/followUps/eventDraft";
import { MatterlineError, noDirectoryError } from "@domain/errors";
import { formatDateTime, formatDay } from "@shell/dates";
import { formatWhen, readerTimeZone } from "@features/followUps/ui/formatWhen";
import { identifiedMessage } from "../../../fixtures/mailMessage";

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const wrap = (node: ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

const item: CurrentItem = {
  mode: "read",
  itemId: "item-1",
  message: identifiedMessage("<a@client.example>", {
    conversationId: "c1",
    subject: "Lease",
    from: { name: "Carla", email: "carla@client.example" },
    to: [{ email: "me@firm.example" }],
    sentAt: "2026-03-10T13:00:00Z",
    receivedAt: "2026-03-10T13:00:00Z",
    bodyText: "Hearing on March 20 at 10am; send it by Friday.",
  }),
};

const plan: FollowUpPlan = {
  messageId: "<a@client.example>",
  timeZone: "America/New_York",
  clientName: "Acme Ltd",
  matterId: "m1",
  matterOptions: [{ matterId: "m1", label: "2026-0012 Lease renewal (Acme Ltd)" }],
  proposals: [
    { date: "2026-03-13", kind: "deadline", phrase: "by Friday", start: 30, end: 39, score: 5 },
    { date: "2026-03-20", time: "10:00", kind: "hearing", phrase: "March 20 at 10am", start: 11, end: 27, score: 4.5 },
  ],
  fallback: { date: "2026-03-11", time: "09:00" },
  inviteOptions: { m1: [{ name: "Carla", email: "carla@client.example" }] },
  noReplyWaitingFor: [],
};

function payload(subject: string, start: string): GraphEventPayload {
  return {
    subject,
    body: { contentType: "HTML", content: "<p>x</p>" },
    start: { dateTime: start, timeZone: "America/New_York" },
    end: { dateTime: start, timeZone: "America/New_York" },
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    categories: ["2026-0012 Lease renewal"],
    showAs: "free",
    sensitivity: "private",
    attendees: [],
    transactionId: "tx-1",
  };
}

function prepared(invite: string | null): PreparedFollowUp {
  return {
    payload: payload("Follow up: Acme Ltd — 2026-0012 Lease renewal", "2026-03-13T09:00:00"),
    matterId: "m1",
    clientId: "c1",
    internetMessageId: "<a@client.example>",
    requestedStart: "2026-03-13T13:00:00.000Z",
    start: "2026-03-13T15:00:00.000Z",
    end: "2026-03-13T15:30:00.000Z",
    moved: true,
    conflict: false,
    calendarChecked: true,
    invited: invite,
    inPast: false,
  };
}

const entry: FollowUpEntry = {
  transactionId: "tx-1",
  type: "follow-up",
  matterId: "m1",
  clientId: "c1",
  internetMessageId: null,
  subject: "Follow up: Acme Ltd — 2026-0012 Lease renewal",
  start: "2026-03-13T15:00:00.000Z",
  end: "2026-03-13T15:30:00.000Z",
  eventId: "ev1",
  status: "scheduled",
  createdAt: "2026-03-10T14:00:00Z",
  payload: payload("Follow up", "2026-03-13T11:00:00"),
  invited: null,
};

type Cap = FollowUpCapability;

/** Every capability method as a typed vi.fn; the mocks are plain properties, so tests can pass them to expect(). */
function fakeMocks() {
  return {
    plan: vi.fn<Cap["plan"]>(() => Promise.resolve(plan)),
    prepare: vi.fn<Cap["prepare"]>((_i, _p, c) => Promise.resolve(prepared(c.invite))),
    schedule: vi.fn<Cap["schedule"]>(() => Promise.resolve({ outcome: "queued", entry: { ...entry, status: "queued" } })),
    reminderFor: vi.fn<Cap["reminderFor"]>(() => Promise.resolve(null)),
    remindNoReply: vi.fn<Cap["remindNoReply"]>(() => Promise.resolve({ outcome: "created", entry: { ...entry, type: "no-reply" } })),
    checkReplies: vi.fn<Cap["checkReplies"]>(() => Promise.resolve({ removed: [], checked: 0, offline: false })),
    startCheckIn: vi.fn<Cap["startCheckIn"]>(() => Promise.resolve({ outcome: "created", entry })),
    upcoming: vi.fn<Cap["upcoming"]>(() =>
      Promise.resolve([{ matterId: "m1", label: "2026-0012 Lease renewal (Acme Ltd)", entries: [entry] }]),
    ),
    refresh: vi.fn<Cap["refresh"]>(() => Promise.resolve({ offline: false, changed: 0 })),
    reschedule: vi.fn<Cap["reschedule"]>(() => Promise.resolve(entry)),
    cancel: vi.fn<Cap["cancel"]>(() => Promise.resolve({ ...entry, status: "cancelled" })),
    openMatters: vi.fn<Cap["openMatters"]>(() => Promise.resolve([{ matterId: "m1", label: "2026-0012 Lease renewal (Acme Ltd)" }])),
    settings: vi.fn<Cap["settings"]>(() => Promise.resolve({ reminderMinutes: 15, durationMinutes: 30, noReplyDays: 3 })),
    saveSettings: vi.fn<Cap["saveSettings"]>((s) => Promise.resolve(s)),
    onChanged: vi.fn<Cap["onChanged"]>(() => () => undefined),
  } satisfies Cap;
}

type FakeCap = ReturnType<typeof fakeMocks>;

function fakeCap(overrides: Partial<FakeCap> = {}): FakeCap {
  return { ...fakeMocks(), ...overrides };
}

const caps = (followUps?: FollowUpCapability) => ({ followUps }) as unknown as Capabilities;

describe("EmailFollowUpSection", () => {
  it("renders nothing without the capability", () => {
    const { container } = wrap(<EmailFollowUpSection capabilities={caps()} item={item} />);
    expect(container.querySelector("[data-testid=followup-section]")).toBeNull();
  });

  it("offers the ranked dates, previews the event with its move off a busy slot, and says when the create waits offline", async () => {
    const cap = fakeCap();
    wrap(<EmailFollowUpSection capabilities={caps(cap)} item={item} />);
    const options = await screen.findAllByTestId("followup-proposal");
    // The pane's day format; a firm-local time names the firm's zone when the reader is in another one.
    const zoneNote = readerTimeZone() === "America/New_York" ? "" : " America/New_York time";
    expect(options.map((o) => o.parentElement?.textContent)).toEqual([
      `Deadline: ${formatDay("2026-03-13")} — “by Friday”`,
      `Hearing: ${formatDay("2026-03-20")} 10:00${zoneNote} — “March 20 at 10am”`,
    ]);
    expect(await screen.findByTestId("followup-preview-subject")).toHaveProperty(
      "textContent",
      "Follow up: Acme Ltd — 2026-0012 Lease renewal",
    );
    expect(screen.getByTestId("followup-moved").textContent).toContain("busy");
    expect(screen.getByText(/Private: no attendees/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByLabelText(/Hearing/));
    await waitFor(() =>
      expect(cap.prepare).toHaveBeenLastCalledWith(
        item,
        plan,
        expect.objectContaining({ date: "2026-03-20", time: "10:00", kind: "hearing", matterId: "m1", invite: null }),
      ),
    );
    // Only the matter's client contacts are offered; choosing one is the explicit act that sends an invitation.
    const invite = screen.getByTestId("followup-invite");
    expect([...(invite as HTMLSelectElement).options].map((o) => o.value)).toEqual(["", "carla@client.example"]);
    await user.selectOptions(invite, "carla@client.example");
    await waitFor(() =>
      expect(cap.prepare).toHaveBeenLastCalledWith(item, plan, expect.objectContaining({ invite: "carla@client.example" })),
    );
    await waitFor(() =>
      expect(screen.getByText(/Sends carla@client.example an invitation with this subject and a neutral note/)).toBeTruthy(),
    );
    expect(screen.getByTestId("followup-create").textContent).toBe("Create and send invitation");
    await user.click(screen.getByTestId("followup-create"));
    expect((await screen.findByTestId("followup-result")).textContent).toMatch(/offline/i);
  });

  it("shows a plain error when the plan fails, and the replies check's removals", async () => {
    const cap = fakeCap({
      plan: vi.fn<Cap["plan"]>(() => Promise.reject(noDirectoryError("Follow-ups need the firm's working hours and matters."))),
    });
    wrap(<EmailFollowUpSection capabilities={caps(cap)} item={item} />);
    const alert = (await screen.findByRole("alert")).textContent;
    expect(alert).toContain("Import the firm directory first (Settings tab).");
    expect(alert).toContain("Follow-ups need the firm's working hours and matters.");
    const cap2 = fakeCap({
      checkReplies: vi.fn<Cap["checkReplies"]>(() =>
        Promise.resolve({
          removed: [{ ...entry, subject: "No reply yet: Draft lease", status: "replied" }],
          checked: 1,
          offline: false,
        }),
      ),
    });
    wrap(<EmailFollowUpSection capabilities={caps(cap2)} item={item} />);
    expect((await screen.findByTestId("followup-replies-removed")).textContent).toContain("No reply yet: Draft lease");
  });

  it("on sent mail, offers a no-reply reminder with the default days", async () => {
    const cap = fakeCap({ plan: vi.fn<Cap["plan"]>(() => Promise.resolve({ ...plan, noReplyWaitingFor: ["carla@client.example"] })) });
    wrap(<EmailFollowUpSection capabilities={caps(cap)} item={item} />);
    const days = await screen.findByTestId("followup-noreply-days");
    await waitFor(() => expect((days as HTMLInputElement).value).toBe("3"));
    const user = userEvent.setup();
    await user.clear(days);
    await user.type(days, "5");
    await user.click(screen.getByTestId("followup-noreply-create"));
    expect(cap.remindNoReply).toHaveBeenCalledWith(item, 5);
    expect((await screen.findByTestId("followup-noreply-status")).textContent).toContain("removed when the client replies");
  });
});

describe("UpcomingFollowUpsSection", () => {
  it("lists follow-ups per matter; edit reschedules, cancel removes; check-ins can be added", async () => {
    const cap = fakeCap();
    wrap(<UpcomingFollowUpsSection capabilities={caps(cap)} cancelUndoMs={50} />);
    const row = await screen.findByTestId("upcoming-followup");
    expect(row.textContent).toContain("Follow up: Acme Ltd");
    // The reader's time in the pane's format, then the firm-local 11:00 when the reader's zone differs.
    expect(row.textContent).toContain(formatDateTime("2026-03-13T15:00:00Z"));
    if (readerTimeZone() !== "America/New_York") expect(row.textContent).toContain("(11:00 America/New_York time)");
    const user = userEvent.setup();
    await user.click(screen.getByTestId("upcoming-edit"));
    const time = screen.getByTestId<HTMLInputElement>("upcoming-edit-time");
    expect(time.value).toBe("11:00");
    await user.clear(time);
    await user.type(time, "14:30");
    await user.click(screen.getByTestId("upcoming-save"));
    expect(cap.reschedule).toHaveBeenCalledWith("tx-1", "2026-03-13", "14:30");
    cap.cancel.mockResolvedValueOnce({ ...entry, status: "cancelled", deleteQueued: true });
    await user.click(await screen.findByTestId("upcoming-cancel"));
    await waitFor(() => expect(cap.cancel).toHaveBeenCalledWith("tx-1"));
    expect((await screen.findByTestId("upcoming-note")).textContent).toContain("You are offline: it leaves your calendar when");
    expect(screen.queryByRole("alert")).toBeNull();
    await user.selectOptions(screen.getByTestId("checkin-cadence"), "biweekly");
    await user.click(screen.getByTestId("checkin-create"));
    expect(cap.startCheckIn).toHaveBeenCalledWith("m1", "biweekly");
    expect((await screen.findByTestId("checkin-note")).textContent).toContain("added");
  });
});

describe("cancelling and creating in the past", () => {
  it("a cancel can be undone for a few seconds; nothing leaves the calendar then", async () => {
    const cap = fakeCap();
    wrap(<UpcomingFollowUpsSection capabilities={caps(cap)} cancelUndoMs={300} />);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("upcoming-cancel"));
    expect(screen.getByTestId("upcoming-cancelling").textContent).toContain("Cancelling");
    await user.click(screen.getByTestId("upcoming-undo-cancel"));
    await new Promise((r) => setTimeout(r, 400));
    expect(cap.cancel).not.toHaveBeenCalled();
    expect(screen.getByTestId("upcoming-note").textContent).toContain("Kept");
    expect(screen.getByTestId("upcoming-cancel")).toBeTruthy();
  });

  it("asks before creating a follow-up whose time has passed", async () => {
    const cap = fakeCap({
      prepare: vi.fn<Cap["prepare"]>((_i, _p, c) => Promise.resolve({ ...prepared(c.invite || null), inPast: true })),
    });
    wrap(<EmailFollowUpSection capabilities={caps(cap)} item={item} />);
    const user = userEvent.setup();
    const create = await screen.findByTestId("followup-create");
    await waitFor(() => expect((create as HTMLButtonElement).disabled).toBe(false));
    await user.click(create);
    expect((await screen.findByTestId("followup-past")).textContent).toContain("has already passed");
    expect(cap.schedule).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("followup-past-create"));
    await waitFor(() => expect(cap.schedule).toHaveBeenCalledTimes(1));
  });

  it("leaves closed matters out of the list unless asked", async () => {
    const cap = fakeCap({
      plan: vi.fn<Cap["plan"]>(() =>
        Promise.resolve({
          ...plan,
          matterOptions: [...plan.matterOptions, { matterId: "m9", label: "2019-0003 Old lease (Acme Ltd)", closed: true }],
        }),
      ),
    });
    wrap(<EmailFollowUpSection capabilities={caps(cap)} item={item} />);
    const select = await screen.findByTestId("followup-matter");
    const labels = () => [...(select as HTMLSelectElement).options].map((o) => o.textContent);
    expect(labels()).toEqual(["2026-0012 Lease renewal (Acme Ltd)", "No matter (the sender names it)"]);
    await userEvent.setup().click(screen.getByTestId("followup-show-closed"));
    expect(labels()).toContain("2019-0003 Old lease (Acme Ltd) (closed)");
  });
});

describe("FollowUpSettingsSection", () => {
  it("saves valid settings and shows the reason for invalid ones", async () => {
    const cap = fakeCap({
      saveSettings: vi.fn<Cap["saveSettings"]>((s) =>
        s.noReplyDays < 1
          ? Promise.reject(new MatterlineError("invalid-input", "No-reply days must be a whole number from 1 to 30."))
          : Promise.resolve(s),
      ),
    });
    wrap(<FollowUpSettingsSection capabilities={caps(cap)} />);
    const user = userEvent.setup();
    const n = await screen.findByTestId("followup-setting-noreply");
    await user.clear(n);
    await user.type(n, "0");
    await user.click(screen.getByTestId("followup-settings-save"));
    expect((await screen.findByRole("alert")).textContent).toContain("No-reply days");
    await user.clear(n);
    await user.type(n, "4");
    await user.click(screen.getByTestId("followup-settings-save"));
    await screen.findByTestId("followup-settings-saved");
    expect(cap.saveSettings).toHaveBeenLastCalledWith({ reminderMinutes: 15, durationMinutes: 30, noReplyDays: 4 });
  });
});

describe("formatWhen", () => {
  it("writes the reader's time in the pane's format and adds the firm's wall clock only where it differs", () => {
    const at = "2026-03-13T15:00:00Z";
    expect(formatWhen(at, "UTC", "UTC")).toBe(formatDateTime(at));
    expect(formatWhen(at, "Europe/London", "UTC")).toBe(formatDateTime(at)); // GMT in March: same wall clock
    expect(formatWhen(at, "America/New_York", "UTC")).toBe(`${formatDateTime(at)} (11:00 America/New_York time)`);
    // Another day in the firm's zone names the day too.
    expect(formatWhen("2026-03-13T02:00:00Z", "America/New_York", "UTC")).toBe(
      `${formatDateTime("2026-03-13T02:00:00Z")} (${formatDay("2026-03-12")}, 22:00 America/New_York time)`,
    );
    expect(formatWhen("not a time", "UTC", "UTC")).toBe("not a time");
  });
});
