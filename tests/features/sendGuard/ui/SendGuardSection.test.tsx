// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { SendGuardSection } from "@features/sendGuard/ui/SendGuardSection";
import { SendCheckNotices } from "@features/sendGuard/ui/SendCheckNotices";
import type { DraftCheck, SendGuardCapability, SendWarning } from "@features/sendGuard/api";
import { MatterlineError } from "@domain/errors";

const other: SendWarning = {
  kind: "other-client",
  recipient: "mae@coralline.test",
  reason: "mae@coralline.test is a contact of Coralline Studio LLC, but this email is about matter 2026-0101 (Tidewell Foods Inc).",
  suggestion: null,
  fixes: [{ kind: "remove" }],
};
const look: SendWarning = {
  kind: "lookalike",
  recipient: "ivy@tidwell.test",
  reason: "ivy@tidwell.test is not in the directory and looks like ivy@tidewell.test, Tidewell Foods Inc's address.",
  suggestion: "ivy@tidewell.test",
  fixes: [{ kind: "replace", with: "ivy@tidewell.test" }, { kind: "remove" }],
};

function capability(results: DraftCheck[], over: Partial<SendGuardCapability> = {}) {
  let changed: (() => void) | null = null;
  const spies = {
    check: vi.fn(() => Promise.resolve(results.length > 1 ? results.shift()! : results[0])),
    applyFix: vi.fn(() => Promise.resolve()),
    dismissSkipped: vi.fn(() => Promise.resolve()),
  };
  const guard: SendGuardCapability = {
    check: spies.check,
    onDraftChanged: (l: () => void) => {
      changed = l;
      return () => (changed = null);
    },
    applyFix: spies.applyFix,
    skipped: () => Promise.resolve([]),
    dismissSkipped: spies.dismissSkipped,
    status: () => Promise.resolve({ builtAt: "t", gzipBytes: 900, clients: 5, contacts: 6, matters: 6, inMailbox: true }),
    onSendSupported: true,
    followsRecipients: true,
    ...over,
  };
  return { guard, spies, change: () => changed?.() };
}

const wrap = (node: React.ReactNode) => render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

describe("SendGuardSection", () => {
  it("shows each warning with its fixes, applies one, and checks again; a change of recipients checks again by itself", async () => {
    const { guard, spies, change } = capability([
      { warnings: [other, look], subject: "s" },
      { warnings: [look], subject: "s" },
      { warnings: [], subject: "s" },
    ]);
    wrap(<SendGuardSection sendGuard={guard} />);
    await waitFor(() => expect(screen.getAllByTestId("send-warning")).toHaveLength(2));
    expect(screen.getByText("Another client")).toBeTruthy();
    expect(screen.getByText(other.reason)).toBeTruthy();
    expect(await screen.findByText("Checked against 6 contacts of 5 clients and 6 matters.")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Remove mae@coralline.test from the recipients" }));
    expect(spies.applyFix).toHaveBeenCalledWith("mae@coralline.test", { kind: "remove" });
    await waitFor(() => expect(screen.getAllByTestId("send-warning")).toHaveLength(1));
    expect(screen.getByRole("button", { name: "Replace ivy@tidwell.test with ivy@tidewell.test" }).textContent).toBe(
      "Use ivy@tidewell.test",
    );

    change();
    await screen.findByTestId("send-guard-clear");
    expect(spies.check).toHaveBeenCalledTimes(3);
  });

  it("shows a plain error with a retry when the check fails, and says when this Outlook cannot check at send time", async () => {
    const { guard } = capability([], {
      check: () => Promise.reject(new MatterlineError("office-failed", "Outlook could not read the draft's To line: busy")),
      onSendSupported: false,
      followsRecipients: false,
    });
    wrap(<SendGuardSection sendGuard={guard} />);
    expect(await screen.findByText(/Outlook could not read the draft's To line/)).toBeTruthy();
    expect(screen.getByText(/cannot check mail as it is sent/)).toBeTruthy();
    expect(screen.getByText(/press Check again after editing them/)).toBeTruthy();
  });
});

describe("SendCheckNotices", () => {
  it("says which sent emails the check could not look at, and forgets them on Dismiss", async () => {
    const { guard, spies } = capability([], {
      skipped: () => Promise.resolve([{ at: "2026-02-02T10:00:00.000Z", subject: "RE: Dock 9", reason: "it took longer than 3 seconds" }]),
    });
    wrap(<SendCheckNotices sendGuard={guard} refresh={1} />);
    const notice = await screen.findByTestId("send-check-skipped");
    expect(notice.textContent).toContain("The send check could not run");
    expect(notice.textContent).toContain("“RE: Dock 9”");
    expect(notice.textContent).toContain("it took longer than 3 seconds");
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    expect(spies.dismissSkipped).toHaveBeenCalled();
    expect(screen.queryByTestId("send-check-skipped")).toBeNull();
  });
});
