import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseStringPromise } from "xml2js";
import { FIX_LABEL, FIX_PANE_COMMAND_ID, smartAlertFor, warningsFingerprint } from "@features/sendGuard/alert";
import type { SendWarning } from "@domain/sendGuard";

const warning = (
  recipient: string,
  reason = `${recipient} is a contact of Another Client Ltd, but this email is about matter 2026-0101 (Tidewell Foods Inc).`,
): SendWarning => ({
  kind: "other-client",
  recipient,
  reason,
  suggestion: null,
  fixes: [{ kind: "remove" }],
});

describe("the Smart Alert for warnings found at send time", () => {
  it("in Outlook with Mailbox 1.15: plain and Markdown messages, Send Anyway over SoftBlock, and a button to the pane", () => {
    const a = smartAlertFor([warning("mae_r@coralline.test")], { promptUser: true, markdown: true });
    expect(a).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser", commandId: FIX_PANE_COMMAND_ID, cancelLabel: FIX_LABEL });
    expect(a.errorMessage).toBe(
      "Check this before the email goes:\n• mae_r@coralline.test is a contact of Another Client Ltd, but this email is about matter 2026-0101 (Tidewell Foods Inc).",
    );
    // Markdown would read "_r@…_" as emphasis: escaped.
    expect(a.errorMessageMarkdown).toBe(
      "**Check this before the email goes:**\n\n- mae\\_r@coralline.test is a contact of Another Client Ltd, but this email is about matter 2026-0101 (Tidewell Foods Inc).\r",
    );
    expect(FIX_LABEL.length).toBeLessThanOrEqual(20);
  });

  it("without Mailbox 1.14 (no Send Anyway): only the message, which says a second Send sends it", () => {
    const a = smartAlertFor([warning("a@b.test"), warning("c@d.test")], { promptUser: false, markdown: false });
    expect(Object.keys(a).sort()).toEqual(["allowEvent", "errorMessage"]);
    expect(a.errorMessage).toMatch(
      /^Check these 2 things before the email goes:\n• a@b\.test .*\n• c@d\.test .*\n\nFix it and send, or press Send again to send it as it is\.$/s,
    );
  });

  it("keeps both messages within Outlook's 500 characters, saying how many more there are", () => {
    const many = Array.from({ length: 12 }, (_, i) => warning(`person${i}@client${i}.test`));
    for (const support of [
      { promptUser: true, markdown: true },
      { promptUser: false, markdown: false },
    ]) {
      const a = smartAlertFor(many, support);
      expect(a.errorMessage!.length).toBeLessThanOrEqual(500);
      expect(a.errorMessage).toMatch(/…and \d+ more \(open Matterline to see them\)\./);
      if (a.errorMessageMarkdown) expect(a.errorMessageMarkdown.length).toBeLessThanOrEqual(500);
    }
    const huge = smartAlertFor([warning("x@y.test", "x".repeat(2000))], { promptUser: true, markdown: true });
    expect(huge.errorMessage!.length).toBeLessThanOrEqual(500);
    expect(huge.errorMessageMarkdown!.length).toBeLessThanOrEqual(500);
  });

  it("names a task pane button the manifest declares on the compose ribbon", async () => {
    const xml = (await parseStringPromise(readFileSync("manifest.xml", "utf8"))) as unknown;
    const found: string[] = [];
    const walk = (node: unknown, inCompose: boolean): void => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, inCompose));
      if (!node || typeof node !== "object") return;
      const o = node as Record<string, unknown> & { $?: Record<string, string> };
      const compose = inCompose || o.$?.["xsi:type"] === "MessageComposeCommandSurface";
      if (compose && o.$?.id && JSON.stringify(o.Action ?? "").includes("ShowTaskpane")) found.push(o.$.id);
      for (const [k, v] of Object.entries(o)) if (k !== "$") walk(v, compose);
    };
    walk(xml, false);
    expect(found).toContain(FIX_PANE_COMMAND_ID);
  });

  it("fingerprints the same warnings the same way, in any order, and different ones differently", () => {
    const a = [warning("a@b.test"), warning("c@d.test")];
    expect(warningsFingerprint(a)).toBe(warningsFingerprint([...a].reverse()));
    expect(warningsFingerprint(a)).not.toBe(warningsFingerprint([warning("a@b.test")]));
  });
});
