import { describe, expect, it, vi } from "vitest";
import { createOfficeHostSupport, requireFeature } from "@adapters/office/hostSupport";
import { createOfficeThemeSource, readOfficeTheme } from "@adapters/office/themeSource";
import { createOfficeFake } from "@simulators/office";

describe("HostSupport", () => {
  it("reports the Mailbox version and features of a modern Outlook", () => {
    const support = createOfficeHostSupport(createOfficeFake({ requirementSets: { mailbox: "1.14", nestedAppAuth: true } }).office);
    expect(support.mailboxVersion()).toBe("1.14");
    expect(support.supports("multi-select")).toBe(true);
    expect(support.supports("on-send")).toBe(true);
    expect(support.supports("load-item")).toBe(false);
    expect(support.supports("nested-app-auth")).toBe(true);
  });

  it("degrades on LTSC Outlook 2021 (Mailbox 1.9, no NAA) with a plain not-supported message", () => {
    const support = createOfficeHostSupport(createOfficeFake({ requirementSets: { mailbox: "1.9", nestedAppAuth: false } }).office);
    expect(support.mailboxVersion()).toBe("1.9");
    expect(support.supports("categories")).toBe(true);
    expect(support.supports("on-send")).toBe(false);
    expect(support.supports("multi-select")).toBe(false);
    expect(support.supports("nested-app-auth")).toBe(false);
    expect(() => requireFeature(support, "multi-select")).toThrow(
      "This version of Outlook cannot tag many selected messages at once (it needs Mailbox 1.13; it has Mailbox 1.9).",
    );
    expect(() => requireFeature(support, "categories")).not.toThrow();
  });

  it("converts EWS ids to REST ids through the mailbox", () => {
    const { office } = createOfficeFake({});
    const spy = vi.spyOn(office.context.mailbox, "convertToRestId");
    expect(createOfficeHostSupport(office).toRestId("AAMk/x+y")).toBe("AAMk-x_y");
    expect(spy).toHaveBeenCalledWith("AAMk/x+y", "v2.0");
  });
});

describe("Office theme", () => {
  it("maps light and dark themes and follows changes where Outlook reports them", async () => {
    const { office, controller } = createOfficeFake({ theme: "light" });
    const source = createOfficeThemeSource(office);
    expect(source.current()).toEqual({ dark: false, background: "#ffffff", foreground: "#242424" });
    const listener = vi.fn();
    source.onChanged(listener);
    await controller.idle();
    await controller.setTheme("dark");
    expect(listener).toHaveBeenCalledWith({ dark: true, background: "#292929", foreground: "#ffffff" });
  });

  it("judges darkness by the background when isDarkTheme is missing, and defaults to light without a theme", () => {
    const { office } = createOfficeFake({});
    Object.defineProperty(office.context, "officeTheme", {
      value: { bodyBackgroundColor: "#1b1a19", bodyForegroundColor: "#f3f2f1", controlBackgroundColor: "", controlForegroundColor: "" },
    });
    expect(readOfficeTheme(office).dark).toBe(true);
    Object.defineProperty(office.context, "officeTheme", { value: undefined });
    expect(readOfficeTheme(office)).toEqual({ dark: false, background: "#ffffff", foreground: "#242424" });
  });
});
