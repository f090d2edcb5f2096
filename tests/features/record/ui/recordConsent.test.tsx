// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "@shell/App";
import { createGraphClient } from "@adapters/graph";
import { provisionRecord } from "@adapters/graph/record/provisionRecord";
import { wirePane } from "../../../hosts/wiredPane";
import { directory } from "../../matters/fixtures";
import { identifiedMessage } from "../../../fixtures/mailMessage";

const HOST = "quill.sharepoint.example";
const SITE = `https://${HOST}/sites/Matters`;
const asksSites = (scopes: readonly string[]) => scopes.some((s) => s.startsWith("Sites."));

const lease = identifiedMessage("<lease@marlow.test>", {
  conversationId: "c-lease",
  subject: "Lease renewal",
  from: { name: "Ivy Marlow", email: "ivy@marlow.test" },
  to: [{ email: "rosa@quill.test" }],
  sentAt: "2026-03-02T09:00:00Z",
  receivedAt: "2026-03-02T09:00:00Z",
  bodyText: "Could you send the revised lease?",
});

describe("the matter record's permission", () => {
  it("is asked through the auth port when the record is first used, alone, and not while the pane starts", async () => {
    const pane = await wirePane({
      directory,
      me: { email: "rosa@quill.test", name: "Rosa Quill" },
      now: "2026-03-02T10:00:00Z",
      mail: [lease],
      recordSite: SITE,
    });
    pane.graph.sharePoint.addSite(HOST, "/sites/Matters", "Matters");
    await provisionRecord(
      createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("admin") }, fetchImpl: pane.graph.fetch }),
      SITE,
    );
    await pane.open(lease);
    render(<App capabilities={pane.capabilities} />);
    expect(await screen.findByTestId("item-subject")).toHaveProperty("textContent", "Lease renewal");
    // The pane has started (the open email read, its features built, its first timers run): the site's scope was not asked.
    await new Promise((settled) => setTimeout(settled, 500));
    expect(pane.tokenRequests.filter(asksSites)).toEqual([]);

    // Opening the Matters tab uses the record: its first sync asks for Sites.Selected, on its own.
    await userEvent.setup().click(within(screen.getByRole("tablist")).getByRole("tab", { name: "Matters" }));
    await waitFor(() => expect(screen.getByTestId("record-synced").textContent).toContain("just now"));
    const siteAsks = pane.tokenRequests.filter(asksSites);
    expect(siteAsks.length).toBeGreaterThan(0);
    for (const scopes of siteAsks) expect(scopes).toEqual(["Sites.Selected"]);
  });
});
