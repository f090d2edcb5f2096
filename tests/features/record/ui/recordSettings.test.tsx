// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Capabilities } from "@shell/capabilities";
import type { RecordCapability, RecordStatus } from "@features/record/api";
import { RecordSettingsSection } from "@features/record/ui/RecordSettingsSection";

const NOW = new Date("2026-03-02T10:00:00Z");
const SITE = "https://quill.sharepoint.example/sites/Matters";

/** A scripted record capability: its status moves as the pane's does (Sync now sends what waits; a site is saved). */
function scripted(initial: RecordStatus) {
  let status = initial;
  const listeners = new Set<() => void>();
  const calls: string[] = [];
  const record: RecordCapability = {
    status: () => Promise.resolve(status),
    onChanged(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    use() {},
    syncNow() {
      calls.push("sync");
      status = { ...status, waiting: 0, reach: "ok", problem: null, lastSyncedAt: NOW.toISOString() };
      return Promise.resolve(status);
    },
    saveSite(url) {
      calls.push(`site:${url}`);
      status = { ...status, site: url, reach: "unknown", lastSyncedAt: null };
      return Promise.resolve(status);
    },
  };
  const capabilities = { record, clock: { now: () => NOW } } as unknown as Capabilities;
  return { capabilities, calls };
}

describe("Settings → Matter record", () => {
  it("shows the site, whether the pane reaches it, when it last synced and what waits; Sync now sends and syncs", async () => {
    const { capabilities, calls } = scripted({
      site: SITE,
      reach: "failed",
      problem: "Matterline has no access to this site yet: your administrator grants it (Sites.Selected) to the site.",
      lastSyncedAt: new Date(NOW.getTime() - 5 * 60_000).toISOString(),
      waiting: 2,
      refused: 0,
      syncing: false,
      attachments: true,
    });
    render(<RecordSettingsSection capabilities={capabilities} />);
    await waitFor(() => expect(screen.getByTestId("record-site-input")).toHaveProperty("value", SITE));
    expect(screen.getByTestId("record-reach").textContent).toContain("Cannot reach the record: Matterline has no access to this site yet");
    expect(screen.getByTestId("record-last-sync").textContent).toBe(
      "Last synced: 5 min ago · 2 filings waiting to reach the matter record",
    );
    // The firm's option, as the record holds it.
    expect(screen.getByTestId("record-attachments").getAttribute("data-state")).toBe("on");
    expect(screen.getByTestId("record-attachments").textContent).toContain("stored beside each filed email");

    await userEvent.click(screen.getByTestId("record-settings-sync"));
    await waitFor(() => expect(screen.getByTestId("record-reach").textContent).toBe(`Reached ${SITE}`));
    expect(screen.getByTestId("record-last-sync").textContent).toBe("Last synced: just now");
    expect(calls).toEqual(["sync"]);
  });

  it("without a site it says filings stay on this device; saving one sets it", async () => {
    const { capabilities, calls } = scripted({
      site: null,
      reach: "unknown",
      problem: null,
      lastSyncedAt: null,
      waiting: 1,
      refused: 0,
      syncing: false,
      attachments: false,
    });
    render(<RecordSettingsSection capabilities={capabilities} />);
    await waitFor(() => expect(screen.getByTestId("record-reach").textContent).toContain("No site is set up"));
    // Without a site there is no firm option to show.
    expect(screen.queryByTestId("record-attachments")).toBeNull();
    expect(screen.getByTestId("record-last-sync").textContent).toContain(
      "1 filing waiting to reach the matter record (no site set up yet)",
    );
    await userEvent.type(screen.getByTestId("record-site-input"), SITE);
    await userEvent.click(screen.getByTestId("record-site-save"));
    await waitFor(() => expect(screen.getByTestId("record-reach").textContent).toBe("Not reached yet."));
    expect(calls).toEqual([`site:${SITE}`]);
  });
});
