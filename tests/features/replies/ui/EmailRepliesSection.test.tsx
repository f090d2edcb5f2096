// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { EmailRepliesSection } from "@features/replies/ui/EmailRepliesSection";
import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { wirePane, type WiredPane } from "../../../hosts/wiredPane";
import { identifiedMessage } from "../../../fixtures/mailMessage";

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
// A chase alone is a status request by the label rules (data/client-mail/README.md); this client also complains outright.
const complaint = identifiedMessage("<complaint@brackwater.test>", {
  conversationId: "conv-mill",
  subject: "2025-0610 mill site",
  from: { name: "Fintan Moss", email: "fintan@brackwater.test" },
  to: [{ name: "Orla Keane", email: me.email }],
  sentAt: "2026-03-02T09:00:00Z",
  receivedAt: "2026-03-02T09:00:00Z",
  bodyText:
    "Orla,\n\nI have emailed three times about the mill site and still no reply. We are paying you to keep us informed. I am very disappointed and I want to make a formal complaint about how this has been handled.\n\nFintan",
});
const stranger: MailMessage = {
  ...complaint,
  id: "<hello@nowhere.test>",
  internetMessageId: "<hello@nowhere.test>",
  conversationId: "conv-hello",
  subject: "Hello",
  from: { name: "Pat Doe", email: "pat@nowhere.test" },
  bodyText: "Could you call me about a question I have?",
};

/** The pane as Outlook builds it, over a mailbox with the complaint and a stranger's email. */
function wired(): Promise<WiredPane> {
  return wirePane({ directory, me, now: "2026-03-03T10:00:00Z", mail: [complaint, stranger] });
}

function show(pane: WiredPane, item: Awaited<ReturnType<WiredPane["open"]>>) {
  render(
    <FluentProvider theme={webLightTheme}>
      <EmailRepliesSection capabilities={pane.capabilities} item={item} />
    </FluentProvider>,
  );
}

describe("EmailRepliesSection", () => {
  it("renders nothing without the capability", async () => {
    const pane = await wired();
    const item = await pane.open(complaint);
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <EmailRepliesSection capabilities={{ ...pane.capabilities, replies: undefined }} item={item} />
      </FluentProvider>,
    );
    expect(container.querySelector("[data-testid=replies-section]")).toBeNull();
  });

  it("loads its panel lazily, shows three different drafts for a complaint, and opens the reply form with the chosen one", async () => {
    const pane = await wired();
    const fake = pane.office;
    show(pane, await pane.open(complaint));
    const drafts = await screen.findAllByTestId("reply-draft");
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
    const pane = await wired();
    show(pane, await pane.open(stranger));
    expect((await screen.findByTestId("replies-none")).textContent).toMatch(/not from a client/);
    expect(screen.queryAllByTestId("reply-draft")).toHaveLength(0);
  });

  it("shows a plain error when the reply form cannot open", async () => {
    const pane = await wired();
    show(pane, await pane.open(complaint));
    const drafts = await screen.findAllByTestId("reply-draft");
    pane.office.controller.failNext("displayReplyForm", "GenericError");
    await userEvent.setup().click(within(drafts[0]).getByRole("button", { name: /^Reply with this/ }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/Outlook could not/);
  });

  it("in compose mode inserts at the cursor and checks the draft, replacing legalese in it", async () => {
    const pane = await wired();
    const fake = pane.office;
    await fake.controller.compose({
      subject: "RE: 2025-0610 mill site",
      to: [{ displayName: "Fintan Moss", emailAddress: "fintan@brackwater.test" }],
      bodyHtml:
        "<div><br></div><div>From: Fintan Moss &lt;fintan@brackwater.test&gt;<br>Sent: Monday, 2 March 2026 09:00<br>To: Orla Keane<br>Subject: 2025-0610 mill site</div><div>Any update on the mill site? Where do things stand?</div>",
    });
    fake.controller.typeInDraft("We will reply forthwith.");
    show(pane, await pane.capabilities.mail.currentItem());
    const user = userEvent.setup();
    const drafts = await screen.findAllByTestId("reply-draft");
    await user.click(within(drafts[0]).getByRole("button", { name: /^Insert/ }));
    await waitFor(() => expect(fake.controller.insertedText()).toHaveLength(1));
    expect(fake.controller.insertedText()[0]).toMatchObject({ coercionType: "html" });

    await user.click(screen.getByRole("button", { name: "Check my draft" }));
    const finding = await screen.findByText(/forthwith/);
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
