// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "@shell/App";
import type { Capabilities } from "@shell/capabilities";
import type { CurrentItem, MailSource } from "@ports/mailSource";
import type { MailMessage } from "@domain/model/mail";
import { wirePane } from "../hosts/wiredPane";
import { identifiedMessage } from "../fixtures/mailMessage";

function message(subject: string, from: string, receivedAt = "2025-08-26T09:00:00Z"): MailMessage {
  return identifiedMessage(`<${subject}>`, {
    conversationId: "c",
    subject,
    from: { name: from, email: `${from.toLowerCase()}@client.example` },
    sentAt: receivedAt,
    receivedAt,
    bodyText: "Hello",
  });
}

/** A MailSource whose answers the test controls, with ItemChanged. */
function controllableSource(first: Promise<CurrentItem> | CurrentItem) {
  let next: () => Promise<CurrentItem> = () => Promise.resolve(first);
  const listeners = new Set<() => void>();
  const source: MailSource = {
    currentItem: () => next(),
    onItemChanged: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    source,
    change(item: Promise<CurrentItem> | CurrentItem) {
      next = () => Promise.resolve(item);
      listeners.forEach((l) => l());
    },
  };
}

/** The pane as Outlook builds it (no firm directory imported yet), over a mailbox with these emails. */
function outlook(mail: MailMessage[], theme?: "light" | "dark") {
  return wirePane({ directory: null, me: { email: "me@firm.example", name: "Me" }, now: "2025-08-26T15:30:00Z", mail, theme });
}

function caps(mail: MailSource): Capabilities {
  return {
    mail,
    clock: { now: () => new Date("2025-08-26T15:30:00Z") },
    theme: {
      current: () => ({ dark: false, background: "#ffffff", foreground: "#000000" }),
      onChanged: () => () => {},
    },
    host: {
      name: "Test",
      mailboxVersion: "1.13",
      supports: { pinning: true, categories: true, "on-send": true, "multi-select": true, "load-item": true, "nested-app-auth": true },
    },
  };
}

describe("task pane shell", () => {
  it("shows the open item's sender, subject and received time, and follows ItemChanged", async () => {
    const lease = message("Lease renewal", "Ann");
    const invoice = message("Invoice query", "Bob");
    const pane = await outlook([lease, invoice]);
    await pane.open(lease);
    render(<App capabilities={pane.capabilities} />);
    expect(await screen.findByTestId("item-subject")).toHaveProperty("textContent", "Lease renewal");
    expect(screen.getByTestId("item-sender").textContent).toContain("Ann <ann@client.example>");
    // The received time is written by an effect just after the first paint.
    await waitFor(() => expect(screen.getByTestId("item-received").textContent).toMatch(/Received .*26/));
    await act(() => pane.office.controller.selectItem(pane.itemOf(invoice)));
    expect(await screen.findByText("Invoice query")).toBeTruthy();
    await act(() => pane.office.controller.selectItem(null));
    expect(await screen.findByTestId("no-item")).toBeTruthy();
  });

  // Outlook answering an earlier selection after a later one is a race only a scripted mail source can stage.
  it("never shows a slow earlier item after a newer selection", async () => {
    let releaseSlow!: (i: CurrentItem) => void;
    const slow = new Promise<CurrentItem>((r) => (releaseSlow = r));
    const src = controllableSource(slow);
    render(<App capabilities={caps(src.source)} />);
    act(() => src.change({ mode: "read", itemId: "2", message: message("Newer", "Bob") }));
    expect(await screen.findByText("Newer")).toBeTruthy();
    await act(() => {
      releaseSlow({ mode: "read", itemId: "1", message: message("Older", "Ann") });
      return slow.then(() => undefined);
    });
    expect(screen.queryByText("Older")).toBeNull();
  });

  it("shows a plain message, not a blank pane, when Outlook fails", async () => {
    const lease = message("Lease renewal", "Ann");
    const pane = await outlook([lease]);
    await pane.office.controller.selectItem(pane.itemOf(lease));
    pane.office.controller.failNext("body.getAsync", { code: 9002, name: "InternalError", message: "The item could not be read." });
    render(<App capabilities={pane.capabilities} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Outlook could not complete that action");
  });

  it("reaches every section by keyboard", async () => {
    const lease = message("Lease renewal", "Ann");
    const pane = await outlook([lease], "dark");
    await pane.open(lease);
    render(<App capabilities={pane.capabilities} />);
    await screen.findByTestId("item-subject");
    const user = userEvent.setup();
    const tabs = within(await screen.findByRole("tablist")).getAllByRole("tab");
    expect(tabs).toHaveLength(4);
    for (const name of ["This email", "Overdue", "Matters", "Settings"])
      expect(within(screen.getByRole("tablist")).getByRole("tab", { name })).toBeTruthy();
    // Arrow-key movement is tabster's job (checked in Chromium); here: every tab is focusable and Enter activates it.
    tabs[3].focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("settings-tab")).toBeTruthy();
    expect(document.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("dark");
  });
});
