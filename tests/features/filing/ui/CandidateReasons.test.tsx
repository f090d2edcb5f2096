// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { CandidateReasons } from "@features/filing/ui/CandidateReasons";
import { sentence } from "@features/filing/ui/filingText";

describe("CandidateReasons", () => {
  it("shows the strongest reasons and the rest behind a keyboard-operable toggle", async () => {
    const reasons = ["one", "two", "three", "four", "five"];
    render(
      <FluentProvider theme={webLightTheme}>
        <CandidateReasons reasons={reasons} max={2} />
      </FluentProvider>,
    );
    const items = () => screen.getByTestId("filing-reasons").querySelectorAll("li");
    expect([...items()].map((li) => li.textContent)).toEqual(["one", "two"]);
    const more = screen.getByRole("button", { name: "Show all 5 reasons" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    more.focus();
    await userEvent.keyboard("{Enter}");
    expect([...items()].map((li) => li.textContent)).toEqual(reasons);
    expect(screen.getByRole("button", { name: "Show fewer reasons" }).getAttribute("aria-expanded")).toBe("true");
  });

  it("has no toggle when every reason fits, and nothing at all for none", () => {
    const { container, rerender } = render(<CandidateReasons reasons={["a", "b"]} />);
    expect(screen.queryByRole("button")).toBeNull();
    rerender(<CandidateReasons reasons={[]} />);
    expect(container.textContent).toBe("");
  });

  it("turns a reason fragment into a sentence", () => {
    expect(sentence("a matter reference would decide it")).toBe("A matter reference would decide it.");
    expect(sentence("Already one.")).toBe("Already one.");
    expect(sentence("  ")).toBe("");
  });
});
