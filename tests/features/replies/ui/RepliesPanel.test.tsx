// @vitest-environment jsdom
import { describe, expect, it, vi } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { RepliesPanel } from "@features/replies/ui/RepliesPanel";
import { DraftChecker } from "@features/replies/ui/DraftChecker";
import type { Draft } from "@domain/replies";
import type { Finding } from "@domain/readability";

// jsdom has no ResizeObserver; Fluent's MessageBar uses one to lay out its actions
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

const drafts: Draft[] = [
  { label: "Give an update", angle: "answer", text: "Hi <b>Sam</b>,\n\nAll is well.", grade: 3.1, longestSentenceWords: 3 },
  { label: "Ask what they need", angle: "ask", text: "Hi Sam,\n\nWhat do you need?", grade: 2, longestSentenceWords: 4 },
  { label: "Offer a call", angle: "call", text: "Hi Sam,\n\nCan we talk?", grade: 1, longestSentenceWords: 3 },
];

describe("RepliesPanel", () => {
  it("shows each draft as text with its grade, and inserts the chosen one from the keyboard", async () => {
    const onInsert = vi.fn(async () => {});
    const { container } = render(
      <FluentProvider theme={webLightTheme}>
        <RepliesPanel drafts={drafts} onInsert={onInsert} mode="read" />
      </FluentProvider>,
    );
    expect(screen.getByText(/Hi <b>Sam<\/b>/)).toBeTruthy(); // markup shown as text
    expect(container.querySelector("b")).toBeNull();
    expect(screen.getByText("Grade 3.1")).toBeTruthy();
    const user = userEvent.setup();
    const target = "Reply with this: Ask what they need";
    for (let i = 0; i < 10 && document.activeElement?.getAttribute("aria-label") !== target; i++) await user.tab();
    expect(document.activeElement?.getAttribute("aria-label")).toBe(target);
    await user.keyboard("{Enter}");
    expect(onInsert).toHaveBeenCalledWith(drafts[1]);
  });

  it("shows a plain error when insertion fails", async () => {
    const onInsert = vi.fn(() => Promise.reject(new Error("Outlook could not open the reply form.")));
    render(
      <FluentProvider theme={webLightTheme}>
        <RepliesPanel drafts={drafts} onInsert={onInsert} mode="compose" />
      </FluentProvider>,
    );
    await userEvent.setup().click(screen.getByRole("button", { name: "Insert: Offer a call" }));
    expect(await screen.findByText("Outlook could not open the reply form.")).toBeTruthy();
  });
});

describe("DraftChecker", () => {
  it("lists findings and applies a one-click replacement, then checks again", async () => {
    let draft = "Prior to Friday we will call.";
    const fixInDraft = vi.fn((f: Finding) => {
      if (f.fix) draft = draft.slice(0, f.fix.start) + f.fix.text + draft.slice(f.fix.end);
      return Promise.resolve();
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <DraftChecker getDraftText={() => Promise.resolve(draft)} fixInDraft={fixInDraft} />
      </FluentProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Check my draft" }));
    expect(await screen.findByText(/is legal jargon/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Replace “Prior to” with “Before”" }));
    expect(draft).toBe("Before Friday we will call.");
    expect(await screen.findByText(/no problems found/)).toBeTruthy();
  });

  it("fits the fix to the sentence, and offers advice without a button where a swap would not read right", async () => {
    let draft = "Please see the aforementioned agreement. It is important that you sign.";
    const fixInDraft = vi.fn((f: Finding) => {
      if (f.fix) draft = draft.slice(0, f.fix.start) + f.fix.text + draft.slice(f.fix.end);
      return Promise.resolve();
    });
    render(
      <FluentProvider theme={webLightTheme}>
        <DraftChecker getDraftText={() => Promise.resolve(draft)} fixInDraft={fixInDraft} />
      </FluentProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Check my draft" }));
    const advice = (await screen.findByText(/“It is” is wordy/)).closest("li");
    expect(advice?.textContent).toMatch(/Reword it yourself/);
    expect(advice?.querySelector("button")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Replace “the aforementioned” with “this”" }));
    expect(draft).toBe("Please see this agreement. It is important that you sign.");
  });
});
