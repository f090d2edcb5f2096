import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { filingState, pane, useWorkbench } from "./browser";

/** The workbench's simulated library, as a tree (window.__workbenchDebug). */
interface LibraryNodeView {
  name: string;
  folder: boolean;
  children: LibraryNodeView[];
}

async function libraryTree(page: Page): Promise<LibraryNodeView | null> {
  return page.evaluate(() => {
    const debug = (
      window as unknown as {
        __workbenchDebug: { sim: { sharePoint: { library(s: string, l: string): unknown } }; recordSite: string };
      }
    ).__workbenchDebug;
    return debug.sim.sharePoint.library(debug.recordSite, "Matter email") as LibraryNodeView | null;
  });
}

/** An inbox row whose email has attachments (the reading pane lists them) and that the pane suggests a matter for. */
async function fileableWithAttachments(page: Page): Promise<string> {
  const rows = page.locator("[data-testid=message-row]");
  for (let i = 0; i < Math.min(await rows.count(), 80); i++) {
    const row = rows.nth(i);
    if ((await row.locator("[data-testid=row-categories]").count()) > 0) continue;
    await row.click();
    if ((await page.getByText(/^Attachments: /).count()) === 0) continue;
    if ((await filingState(page)) !== "filing-suggestion") continue;
    return (await row.getAttribute("data-item-id"))!;
  }
  throw new Error("no fileable email with attachments in the sample mail");
}

describe("attachments beside the .eml in the workbench (the firm turned it on)", () => {
  let page: Page;
  let errors: string[];

  useWorkbench("?attachments=on", (workbench) => ({ page, errors } = workbench));

  it("Settings shows the firm's option; a filed email's attachments appear beside its .eml in the library tree", async () => {
    const frame = pane(page);
    await frame.getByRole("tab", { name: "Settings" }).click();
    await expect.poll(() => frame.getByTestId("record-attachments").getAttribute("data-state"), { timeout: 30000 }).toBe("on");

    await frame.getByRole("tab", { name: "This email" }).click();
    await fileableWithAttachments(page);
    await frame.getByTestId("filing-log").click();
    await expect.poll(() => frame.getByTestId("record-status").getAttribute("data-state"), { timeout: 30000 }).toBe("filed");

    // In the record: the matter's folder holds the .eml and, beside it, a folder of the same name with the files.
    let beside: { eml: string; files: string[] } | null = null;
    await expect
      .poll(
        async () => {
          const root = await libraryTree(page);
          for (const matter of root?.children ?? [])
            for (const eml of matter.children.filter((c) => !c.folder && c.name.endsWith(".eml"))) {
              const sub = matter.children.find((c) => c.folder && c.name === eml.name.slice(0, -4));
              if (sub?.children.length) beside = { eml: eml.name, files: sub.children.map((c) => c.name) };
            }
          return beside !== null;
        },
        { timeout: 30000 },
      )
      .toBe(true);

    // And the user sees them in the library's folder tree.
    await page.getByTestId("folder-library").click();
    const tree = page.getByTestId("library-tree");
    await expect.poll(() => tree.getByTestId("library-file").filter({ hasText: beside!.eml }).count(), { timeout: 10000 }).toBe(1);
    const folder = tree
      .getByTestId("library-folder")
      .filter({ hasText: beside!.eml.slice(0, -4) })
      .last();
    for (const name of beside!.files) expect(await folder.getByTestId("library-file").filter({ hasText: name }).count()).toBe(1);
    await page.getByTestId("folder-inbox").click();
  });

  it("logged no page errors", () => {
    expect(errors.filter((e) => !/favicon|404|Failed to fetch|503|429/.test(e))).toEqual([]);
  });
});
