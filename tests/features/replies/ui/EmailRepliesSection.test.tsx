// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { EmailRepliesSection } from "@features/replies/ui/EmailRepliesSection";
import type { Capabilities } from "@shell/capabilities";
import { buildReplies } from "@features/replies/wire";
import type { PaneContext } from "@hosts/context";
import { createOfficeMailSource } from "@adapters/office";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import type { Directory } from "@domain/directory/types";
import { createOfficeFake, type OfficeFake } from "@simulators/office";
import { fakeMessage } from "@simulators/office/sampleItems";
import { createPaneRecognizer } from "@domain/recognition/paneRecognition";
import { MemoryFilingHistoryStore, MemoryMatterLogStore } from "@adapters/storage/memoryStores";

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

// An invented firm (not the sample's).
const directory: Directory = {
  firm: {
    name: "Penrose Hale",
    domains: ["penrose.test"],
    timeZone: "Europe/Dublin",
    workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" },
    holidays: [],
    matterRefPatterns: [],
  },
  people: [{ id: "a1", name: "Orla Keane", email: "orla.keane@penrose.test", role: "partner" }],
  clients: [
    {
      id: "c1",
      name: "Brackwater Ltd",
      domains: ["brackwater.test"],
      contacts: [{ name: "Fintan Moss", email: "fintan@brackwater.test" }],
    },
  ],
  matters: [
    {
      id: "m1",
      number: "2025-0610",
      clientId: "c1",
      title: "Mill site purchase",
      status: "open",
      responsible: "a1",
      keywords: ["mill site"],
    },
  ],
};
const me = { email: "orla.keane@penrose.test", name: "Orla Keane" };
const complaint = fakeMessage(1, {
  subject: "2025-0610 mill site",
  from: { displayName: "Fintan Moss", emailAddress: "fintan@brackwater.test" },
  to: [{ displayName: "Orla Keane", emailAddress: me.email }],
  bodyText:
    "Orla,\n\nI have emailed three times about the mill site and still no reply. We are paying you to keep us informed. I am very disappointed.\n\nFintan",
});

async function setUp(fake: OfficeFake) {
  const now = () => new Date("2026-03-03T10:00:00Z");
  const current = () => Promise.resolve({ directory, index: buildDirectoryIndex(directory), importedAt: "2026-01-01T00:00:00Z" });
  const history = new MemoryFilingHistoryStore();
  const ctx = {
    office: fake.office,
    me,
    now,
    directory: { current },
    stores: { history },
    // The pane's one recognizer, as hosts/context.ts builds it (no mailbox in this test).
    recognizer: createPaneRecognizer({ directory: current, me: [me.email], history, log: new MemoryMatterLogStore(), now }),
  } as unknown as PaneContext;
  const replies = buildReplies(ctx);
  const item = await createOfficeMailSource(fake.office).currentItem();
  const capabilities = { replies } as unknown as Capabilities;
  render(
    <FluentProvider theme={webLightTheme}>
      <EmailRepliesSection capabilities={capabilities} item={item} />
    </FluentProvider>,
  );
}

describe("EmailRepliesSection", () => {
  it("renders nothing without the capability", async () => {
    const fake = createOfficeFake({ item: complaint });
    const item = await createOfficeMailSource(fake.office).currentItem();
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <EmailRepliesSection capabilities={{} as Capabilities} item={item} />
      </FluentProvider>,
    );
    expect(container.querySelector("[data-testid=replies-section]")).toBeNull();
  });

  it("loads its panel lazily, shows three different drafts for a complaint, and opens the reply form with the chosen one", async () => {
    const fake = createOfficeFake({ item: complaint });
    await setUp(fake);
    const drafts = await screen.findAllByTestId("reply-draft", {}, { timeout: 5000 });
    expect(drafts).toHaveLength(3);
    const texts = drafts.map((d) => within(d).getByTestId("reply-draft-text").textContent ?? "");
    expect(new Set(texts).size).toBe(3);
    for (const t of texts) expect(t.startsWith("Hi Fintan,")).toBe(true);
    expect(screen.getByTestId("reply-intent").textContent).toBe("A complaint");
    expect(screen.getByTestId("reply-tone")).toBeTruthy();
    await userEvent.setup().click(within(drafts[1]).getByRole("button", { name: /^Reply with this/ }));
    await waitFor(() => expect(fake.controller.replyForms).toHaveLength(1));
    const html = fake.controller.replyForms[0].htmlBody ?? "";
    expect(html.startsWith("<p>Hi Fintan,</p>")).toBe(true);
    const shown =
      new DOMParser().parseFromString(html.replace(/<\/p>/g, "\n\n").replace(/<br>/g, "\n"), "text/html").body.textContent ?? "";
    expect(shown.trim()).toBe(texts[1].trim());
  });

  it("says plainly why there are no drafts for a non-client", async () => {
    const fake = createOfficeFake({ item: fakeMessage(2, { from: { displayName: "Pat Doe", emailAddress: "pat@nowhere.test" } }) });
    await setUp(fake);
    expect((await screen.findByTestId("replies-none", {}, { timeout: 5000 })).textContent).toMatch(/not from a client/);
    expect(screen.queryAllByTestId("reply-draft")).toHaveLength(0);
  });

  it("shows a plain error when the reply form cannot open", async () => {
    const fake = createOfficeFake({ item: complaint });
    await setUp(fake);
    const drafts = await screen.findAllByTestId("reply-draft", {}, { timeout: 5000 });
    fake.controller.failNext("displayReplyForm", "GenericError");
    await userEvent.setup().click(within(drafts[0]).getByRole("button", { name: /^Reply with this/ }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/Outlook could not/);
  });

  it("in compose mode inserts at the cursor and checks the draft, replacing legalese in it", async () => {
    const fake = createOfficeFake();
    await fake.controller.compose({
      subject: "RE: 2025-0610 mill site",
      to: [{ displayName: "Fintan Moss", emailAddress: "fintan@brackwater.test" }],
      bodyHtml:
        "<div><br></div><div>From: Fintan Moss &lt;fintan@brackwater.test&gt;<br>Sent: Monday, 2 March 2026 09:00<br>To: Orla Keane<br>Subject: 2025-0610 mill site</div><div>Any update on the mill site? Where do things stand?</div>",
    });
    fake.controller.typeInDraft("We will reply forthwith.");
    await setUp(fake);
    const user = userEvent.setup();
    const drafts = await screen.findAllByTestId("reply-draft", {}, { timeout: 5000 });
    await user.click(within(drafts[0]).getByRole("button", { name: /^Insert/ }));
    await waitFor(() => expect(fake.controller.insertedText()).toHaveLength(1));
    expect(fake.controller.insertedText()[0]).toMatchObject({ coercionType: "html" });

    await user.click(screen.getByRole("button", { name: "Check my draft" }));
    const finding = await screen.findByText(/forthwith/, {}, { timeout: 5000 });
    expect(finding).toBeTruthy();
    // the client's quoted words are not the attorney's to fix
    expect(screen.queryAllByTestId("draft-finding").every((f) => !/Where do things stand/.test(f.textContent ?? ""))).toBe(true);
    const fix = screen.getAllByRole("button").find((b) => /forthwith/.test(b.getAttribute("aria-label") ?? ""));
    expect(fix).toBeTruthy();
    await user.click(fix!);
    await waitFor(() => expect(fake.controller.draftBody()?.html).not.toMatch(/forthwith/));
    expect(fake.controller.draftBody()?.type).toBe("html");
    expect(fake.controller.draftBody()?.html).toMatch(/We will reply \w+/);
  });
});
