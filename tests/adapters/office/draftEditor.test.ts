import { describe, expect, it } from "vitest";
import { createOfficeDraftEditor } from "@adapters/office/draftEditor";
import { editAt } from "@features/replies/draftEdits";
import { createOfficeFake } from "@simulators/office";
import { fakeMessage } from "@simulators/office/sampleItems";

describe("Office DraftEditor", () => {
  it("reads an HTML draft as text and replaces a phrase in it, keeping HTML and its formatting", async () => {
    const { office, controller } = createOfficeFake();
    await controller.compose({ bodyHtml: "<div>We <b>shall</b> reply forthwith.</div><div>Kind regards</div>" });
    const editor = createOfficeDraftEditor(office);
    const text = await editor.getText();
    const at = text.indexOf("forthwith");
    await editor.replace(editAt(text, at, at + "forthwith".length), "now");
    expect(controller.draftBody()).toMatchObject({ type: "html", html: "<div>We <b>shall</b> reply now.</div><div>Kind regards</div>" });
  });

  it("keeps a plain-text draft plain", async () => {
    const { office, controller } = createOfficeFake();
    await controller.compose({ bodyType: "text", bodyText: "Pursuant to your note, we shall call. We shall write." });
    const editor = createOfficeDraftEditor(office);
    await editor.replace({ phrase: "shall", occurrence: 1 }, "will");
    expect(controller.draftBody()).toMatchObject({ type: "text", text: "Pursuant to your note, we shall call. We will write." });
  });

  it("sees what the user typed since the draft opened", async () => {
    const { office, controller } = createOfficeFake();
    await controller.compose({ bodyHtml: "<div>Earlier text</div>" });
    controller.typeInDraft("We hereby confirm.");
    expect(await createOfficeDraftEditor(office).getText()).toContain("We hereby confirm.");
  });

  it("rejects plainly when the words are gone, when Outlook fails, and outside compose mode", async () => {
    const { office, controller } = createOfficeFake();
    await controller.compose({ bodyHtml: "<div>All plain.</div>" });
    const editor = createOfficeDraftEditor(office);
    await expect(editor.replace({ phrase: "hereby", occurrence: 0 }, "")).rejects.toMatchObject({ code: "not-found" });
    controller.failNext("body.setAsync", "GenericError");
    await controller.compose({ bodyHtml: "<div>We hereby agree.</div>" });
    await expect(createOfficeDraftEditor(office).replace({ phrase: "hereby", occurrence: 0 }, "")).rejects.toMatchObject({
      code: "office-failed",
    });
    const read = createOfficeFake({ item: fakeMessage(1) });
    await expect(createOfficeDraftEditor(read.office).getText()).rejects.toMatchObject({ code: "invalid-input" });
  });
});
