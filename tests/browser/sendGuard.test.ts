import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import type { Directory } from "@domain/directory/types";
import { filingState, pane, useWorkbench } from "./browser";

const directory = JSON.parse(readFileSync("data/sample/directory.json", "utf8")) as Directory;

/** A contact of another client than the one whose address is given (any firm's directory has one). */
function otherClientsContact(address: string): string {
  const owner = directory.clients.find((c) => c.contacts.some((p) => p.email.toLowerCase() === address.toLowerCase()));
  const other = directory.clients.find((c) => c !== owner && c.contacts.length > 0 && !(owner && sharesMatter(owner.id, c.id)));
  return other!.contacts[0].email.toLowerCase();
}

function sharesMatter(a: string, b: string): boolean {
  return directory.matters.some(
    (m) => (m.clientId === a && m.jointClientIds?.includes(b)) || (m.clientId === b && m.jointClientIds?.includes(a)),
  );
}

function sentCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const dbg = (window as unknown as { __workbenchDebug: { sim: { sentMail(me: string): unknown[] }; me: string } }).__workbenchDebug;
    return dbg.sim.sentMail(dbg.me).length;
  });
}

/**
 * Opens a reply to the first client email whose reply the send check passes as it is (the To line holds a client's
 * contact), and returns the client's address. No sample message is named: any client email would do.
 */
async function composeCleanReply(page: Page, skip: readonly string[] = []): Promise<{ to: string; subject: string }> {
  const frame = pane(page);
  await page.getByTestId("folder-inbox").click();
  const rows = page.locator("[data-testid=message-row]");
  const count = await rows.count();
  const contacts = new Set(directory.clients.flatMap((c) => c.contacts.map((p) => p.email.toLowerCase())));
  for (let i = 0; i < Math.min(count, 40); i++) {
    const row = rows.nth(i);
    const subject = ((await row.locator("span, div").nth(1).textContent()) ?? "").trim();
    if (skip.includes(subject)) continue;
    await row.click();
    await expect.poll(() => frame.locator("[data-testid=item-subject]").textContent(), { timeout: 15000 }).toBe(subject);
    if ((await filingState(page)) !== "filing-suggestion") continue;
    await page.getByTestId("compose-reply").click();
    await expect.poll(() => page.getByTestId("draft").count(), { timeout: 15000 }).toBe(1);
    const to = ((await page.getByTestId("draft-to-value").first().getAttribute("data-value")) ?? "").trim().toLowerCase();
    if (!contacts.has(to)) continue;
    // The check has run on the draft as Outlook opened it.
    await expect.poll(() => frame.getByTestId("send-guard").count(), { timeout: 15000 }).toBe(1);
    await expect
      .poll(
        async () =>
          (await frame.getByTestId("send-guard-clear").count()) > 0
            ? "clear"
            : (await frame.getByTestId("send-warning").count()) > 0
              ? "warned"
              : "checking",
        {
          timeout: 15000,
        },
      )
      .not.toBe("checking");
    if ((await frame.getByTestId("send-guard-clear").count()) === 0) continue;
    return { to, subject };
  }
  throw new Error("No client email with a clean reply in the first 40 rows.");
}

/** The user adds an address to the draft's Cc line. */
async function addCc(page: Page, address: string): Promise<void> {
  await page.getByTestId("draft-cc-input").fill(address);
  await page.getByTestId("draft-cc-add").click();
  await expect.poll(() => page.getByTestId("draft-cc").textContent()).toContain(address);
}

describe("the send check in the workbench", () => {
  let page: Page;
  let errors: string[];
  const used: string[] = [];

  useWorkbench("", (workbench) => ({ page, errors } = workbench));

  it("warns live when another client's contact is added, stops Send with a Smart Alert, and the pane's one-click fix clears it", async () => {
    const frame = pane(page);
    const { to, subject } = await composeCleanReply(page);
    used.push(subject);
    const stranger = otherClientsContact(to);
    await addCc(page, stranger);
    // RecipientsChanged: the pane checks again without being asked.
    const warning = frame.locator("[data-testid=send-warning][data-kind=other-client]");
    await expect.poll(() => warning.count(), { timeout: 15000 }).toBe(1);
    expect(await warning.textContent()).toContain(stranger);

    const before = await sentCount(page);
    await page.getByTestId("draft-send").click();
    const alert = page.getByTestId("smart-alert");
    await expect.poll(() => alert.count(), { timeout: 15000 }).toBe(1);
    expect(await page.getByTestId("smart-alert-message").textContent()).toContain(stranger);
    expect(await page.getByTestId("smart-alert-send-anyway").count()).toBe(1);
    expect(await page.getByTestId("smart-alert-action").textContent()).toBe("Fix in Matterline");
    await page.getByTestId("smart-alert-dont-send").click();
    await expect.poll(() => alert.count()).toBe(0);
    expect(await page.getByTestId("draft").count()).toBe(1);
    expect(await sentCount(page)).toBe(before);

    await warning.getByTestId("send-fix-remove").click();
    await expect.poll(() => page.getByTestId("draft-cc").textContent(), { timeout: 15000 }).not.toContain(stranger);
    await expect.poll(() => frame.getByTestId("send-guard-clear").count(), { timeout: 15000 }).toBe(1);
    await page.getByTestId("draft-send").click();
    await expect.poll(() => page.getByTestId("draft").count(), { timeout: 15000 }).toBe(0);
    expect(await sentCount(page)).toBe(before + 1);
  });

  it("lets the sender choose Send Anyway, and the mail goes as it is", async () => {
    const { to, subject } = await composeCleanReply(page, used);
    used.push(subject);
    const stranger = otherClientsContact(to);
    await addCc(page, stranger);
    const before = await sentCount(page);
    await page.getByTestId("draft-send").click();
    await expect.poll(() => page.getByTestId("smart-alert").count(), { timeout: 15000 }).toBe(1);
    await page.getByTestId("smart-alert-send-anyway").click();
    await expect.poll(() => page.getByTestId("draft").count(), { timeout: 15000 }).toBe(0);
    expect(await sentCount(page)).toBe(before + 1);
    const cc = await page.evaluate(() => {
      const dbg = (
        window as unknown as {
          __workbenchDebug: { sim: { sentMail(me: string): { ccRecipients?: { emailAddress: { address: string } }[] }[] }; me: string };
        }
      ).__workbenchDebug;
      const sent = dbg.sim.sentMail(dbg.me);
      return (sent[sent.length - 1].ccRecipients ?? []).map((r) => r.emailAddress.address.toLowerCase());
    });
    expect(cc).toContain(stranger);
  });

  it("lets the mail go when the check cannot run, and the pane says so afterwards", async () => {
    const frame = pane(page);
    const { to, subject } = await composeCleanReply(page, used);
    used.push(subject);
    await addCc(page, otherClientsContact(to));
    await page.getByTestId("fault-mode").selectOption("send-check-fails");
    const before = await sentCount(page);
    await page.getByTestId("draft-send").click();
    await expect.poll(() => page.getByTestId("draft").count(), { timeout: 15000 }).toBe(0);
    expect(await page.getByTestId("smart-alert").count()).toBe(0);
    expect(await sentCount(page)).toBe(before + 1);
    const notice = frame.getByTestId("send-check-skipped");
    await expect.poll(() => notice.count(), { timeout: 15000 }).toBe(1);
    const text = (await notice.textContent()) ?? "";
    expect(text).toContain("The send check could not run");
    expect(text).toContain(subject.replace(/^re:\s*/i, ""));
    expect(text).toContain("the recipient index could not be read on this device");
    await page.getByTestId("fault-mode").selectOption("none");
    await frame.getByTestId("send-check-skipped-dismiss").click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404/.test(e))).toEqual([]);
  });
});

describe("the send check in an Outlook without Send Anyway (Mailbox 1.13)", () => {
  let page: Page;

  useWorkbench("?mailbox=1.13", (workbench) => ({ page } = workbench));

  it("stops the first Send with only Don't Send, and a second Send of the same draft goes", async () => {
    const { to } = await composeCleanReply(page);
    await addCc(page, otherClientsContact(to));
    const before = await sentCount(page);
    await page.getByTestId("draft-send").click();
    await expect.poll(() => page.getByTestId("smart-alert").count(), { timeout: 15000 }).toBe(1);
    expect(await page.getByTestId("smart-alert-send-anyway").count()).toBe(0);
    expect(await page.getByTestId("smart-alert-action").count()).toBe(0);
    expect(await page.getByTestId("smart-alert-message").textContent()).toContain("press Send again to send it as it is");
    await page.getByTestId("smart-alert-dont-send").click();
    await page.getByTestId("draft-send").click();
    await expect.poll(() => page.getByTestId("draft").count(), { timeout: 15000 }).toBe(0);
    expect(await sentCount(page)).toBe(before + 1);
  });
});
