import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { filingState, useWorkbench, pane } from "./browser";

interface SentCopy {
  id: string;
  subject?: string;
  conversationId?: string;
  internetMessageId?: string;
  toRecipients?: { emailAddress: { address: string } }[];
  body?: { content: string };
}

/** What the Graph simulator holds in the signed-in user's Sent Items. */
function sentItems(page: Page): Promise<SentCopy[]> {
  return page.evaluate(() => {
    const dbg = (window as unknown as { __workbenchDebug: { sim: { sentMail(me: string): unknown[] }; me: string } }).__workbenchDebug;
    return dbg.sim.sentMail(dbg.me) as never;
  });
}

/** How many sends the OnMessageSend handler has queued for the pane (in the item's roaming settings). */
function queuedSends(page: Page): Promise<number> {
  return page.evaluate(() => {
    const dbg = (window as unknown as { __workbenchDebug: { controller: { roamingSettings(): Record<string, unknown> } } })
      .__workbenchDebug;
    const queue = dbg.controller.roamingSettings()["matterline.pendingSendLogs"];
    return Array.isArray(queue) ? queue.length : 0;
  });
}

describe("log on send in the workbench", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("replies in compose mode, chooses the matter, sends, and the sent copy shows as logged to that matter", async () => {
    const frame = pane(page);
    const rows = page.locator("[data-testid=message-row]");
    const count = await rows.count();
    let original: { itemId: string; subject: string } | null = null;
    let number = "";
    // The first client email whose reply the pane can offer a matter for, whichever it is: no sample message is named.
    for (let i = 0; i < Math.min(count, 30) && !original; i++) {
      const row = rows.nth(i);
      if ((await row.locator("[data-testid=row-categories]").count()) > 0) continue;
      await row.click();
      const subject = ((await row.locator("span, div").nth(1).textContent()) ?? "").trim();
      await expect.poll(() => frame.locator("[data-testid=item-subject]").textContent(), { timeout: 15000 }).toBe(subject);
      if ((await filingState(page)) !== "filing-suggestion") continue;
      await page.getByTestId("compose-reply").click();
      await expect.poll(() => frame.locator("[data-testid=filing-compose]").count(), { timeout: 15000 }).toBe(1);
      const choices = frame.locator("[data-testid=send-choose]");
      if ((await choices.count()) === 0) continue;
      number = /Log on send to (\S+)/.exec((await choices.first().textContent()) ?? "")?.[1] ?? "";
      await choices.first().click();
      original = { itemId: (await row.getAttribute("data-item-id")) ?? "", subject };
    }
    expect(original).not.toBeNull();
    expect(number).not.toBe("");
    await expect
      .poll(() => frame.locator("[data-testid=send-choice]").textContent(), { timeout: 15000 })
      .toContain("Will be logged on send to");

    const typed = "Thank you, we will review the document and revert by Friday.";
    await page.getByTestId("draft-input").fill(typed);
    await page.getByTestId("draft-type").click();
    await expect.poll(() => page.getByTestId("draft-body").textContent()).toContain(typed);

    const before = await sentItems(page);
    // Conversations of the replied-to subject in the inbox (ids are the workbench's business, subjects are what the user sees).
    const conversationIds = await page.evaluate((subject) => {
      const dbg = (
        window as unknown as {
          __workbenchDebug: { sim: { messages(me: string, folder?: string): { subject?: string; conversationId?: string }[] }; me: string };
        }
      ).__workbenchDebug;
      return dbg.sim
        .messages(dbg.me, "inbox")
        .filter((m) => m.subject === subject)
        .map((m) => m.conversationId ?? null);
    }, original!.subject);
    expect(conversationIds.length).toBeGreaterThan(0);

    await page.getByTestId("draft-send").click();
    await expect.poll(() => page.getByTestId("draft").count(), { timeout: 15000 }).toBe(0);
    expect(await page.getByTestId("message-list").count()).toBe(1);

    const after = await sentItems(page);
    expect(after.length).toBe(before.length + 1);
    const sent = after.find((m) => !before.some((b) => b.id === m.id))!;
    expect(sent.subject).toMatch(/^RE: /i);
    expect(sent.subject?.replace(/^re:\s*/i, "")).toBe(original!.subject.replace(/^re:\s*/i, ""));
    expect(conversationIds).toContain(sent.conversationId);
    expect(sent.internetMessageId).toMatch(/^<.+@.+>$/);
    expect(before.some((b) => b.internetMessageId === sent.internetMessageId)).toBe(false);
    expect(sent.toRecipients?.length).toBeGreaterThan(0);
    expect(sent.body?.content).toContain(typed);
    // The OnMessageSend handler queued the send for the pane (the copy had no Internet message id when it ran).
    expect(await queuedSends(page)).toBe(1);

    // The same pane, not reopened: the sent copy shows as filed the first time it is opened (no "Log to …" offered).
    await page.getByTestId("folder-sentitems").click();
    // Sent Items shows newest first: the first row with the reply's subject is the copy just sent.
    const sentRow = page.locator("[data-testid=message-row]", { hasText: sent.subject! }).first();
    await expect.poll(() => sentRow.count(), { timeout: 15000 }).toBe(1);
    await sentRow.click();
    await expect.poll(() => frame.locator("[data-testid=item-subject]").textContent(), { timeout: 15000 }).toBe(sent.subject);
    expect(await filingState(page)).toBe("filing-logged");
    expect(await frame.locator("[data-testid=filing-log]").count()).toBe(0);
    expect(await frame.locator("[data-testid=filing-logged-line]").textContent()).toContain(`Logged to ${number}`);

    // Reopened, the pane empties the send handler's queue without filing the copy a second time.
    await page.getByTestId("reload-pane").click();
    await sentRow.click();
    await expect.poll(() => frame.locator("[data-testid=item-subject]").textContent(), { timeout: 15000 }).toBe(sent.subject);
    expect(await filingState(page)).toBe("filing-logged");
    expect(await frame.locator("[data-testid=filing-logged-line]").textContent()).toContain(`Logged to ${number}`);
    await expect.poll(() => queuedSends(page), { timeout: 15000 }).toBe(0);
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});
