import { describe, expect, it } from "vitest";
import {
  ATTACHMENT_NAME_MAX,
  FILE_NAME_MAX,
  FOLDER_NAME_MAX,
  attachmentFileNames,
  attachmentFolderName,
  matterFolderName,
  messageFileName,
  safeName,
} from "@domain/record/recordNames";
import { nameProblem, SP_PATH_MAX } from "@simulators/graph/spNames";

describe("names in the matter email library", () => {
  it("a matter's folder is '<number> <title>', made safe for SharePoint", () => {
    expect(matterFolderName({ number: "2025-0042", title: "Harbour lease" })).toBe("2025-0042 Harbour lease");
    const odd = matterFolderName({ number: "2025/0042", title: ' Smith v Jones: "appeal" <stage 2>? | costs* \\ done. ' });
    expect(nameProblem(odd)).toBeNull();
    expect(odd).toBe("2025 0042 Smith v Jones appeal stage 2 costs done");
  });

  it("never leaves what SharePoint refuses, whatever the title (generated titles)", () => {
    const alphabet = ['"', "*", ":", "<", ">", "?", "/", "\\", "|", ".", " ", "~", "$", "a", "Z", "0", "é", "\t", "\n", "_vti_"];
    for (let i = 0; i < 2000; i++) {
      let title = "";
      for (let j = 0; j < (i % 37) + 1; j++) title += alphabet[(i * 7 + j * 13) % alphabet.length];
      const folder = matterFolderName({ number: `2025-${i}`, title });
      expect(nameProblem(folder), JSON.stringify(title)).toBeNull();
      expect(folder.length).toBeLessThanOrEqual(FOLDER_NAME_MAX);
      const file = messageFileName({ internetMessageId: `<${i}@x>`, subject: title, sentAt: null, receivedAt: "2025-08-26T15:30:00Z" });
      expect(nameProblem(file), JSON.stringify(title)).toBeNull();
      expect(file.length).toBeLessThanOrEqual(FILE_NAME_MAX);
    }
    expect(safeName("CON", 20)).toBe("_CON");
    expect(safeName("...", 20)).toBe("_");
  });

  it("the same email always gets the same file name, two emails almost never do, and the path stays under 400", () => {
    const a = { internetMessageId: "<a@x>", subject: "Re: the lease", sentAt: "2025-08-26T15:30:00Z", receivedAt: null };
    expect(messageFileName(a)).toBe(messageFileName({ ...a }));
    expect(messageFileName(a)).toMatch(/^2025-08-26 1530 Re the lease \[[0-9a-f]{12}\]\.eml$/);
    expect(messageFileName(a)).not.toBe(messageFileName({ ...a, internetMessageId: "<b@x>" }));
    const longest = `sites/Matters/Matter email/${"f".repeat(FOLDER_NAME_MAX)}/${"e".repeat(FILE_NAME_MAX)}`;
    expect(longest.length).toBeLessThan(SP_PATH_MAX);
  });
});

describe("stored attachments' names", () => {
  it("are safe for SharePoint, keep their extension when cut short, and two of one name both survive", () => {
    const names = attachmentFileNames([
      "Lease: draft?.pdf",
      "scan.pdf",
      "SCAN.pdf",
      "scan.pdf",
      `${"long ".repeat(60)}.docx`,
      "..",
      "noext",
    ]);
    expect(names.slice(0, 4)).toEqual(["Lease draft.pdf", "scan.pdf", "SCAN (2).pdf", "scan (3).pdf"]);
    expect(names[4].endsWith(".docx")).toBe(true);
    expect(names[4].length).toBeLessThanOrEqual(ATTACHMENT_NAME_MAX);
    expect(names[5]).toMatch(/^_/);
    expect(names[6]).toBe("noext");
    for (const n of names) expect(nameProblem(n)).toBeNull();
    // The same attachments always get the same names, so storing them again replaces rather than duplicates.
    expect(attachmentFileNames(["scan.pdf", "scan.pdf"])).toEqual(attachmentFileNames(["scan.pdf", "scan.pdf"]));
  });

  it("sit in a subfolder named after the .eml, within SharePoint's path length", () => {
    const eml = messageFileName({ internetMessageId: "<a@b>", subject: "x".repeat(300), sentAt: "2026-03-02T10:00:00Z", receivedAt: null });
    const folder = attachmentFolderName(eml);
    expect(folder).toBe(eml.slice(0, -4));
    const path = `/sites/Matters/Matter email/${matterFolderName({ number: "2026-0001", title: "t".repeat(200) })}/${folder}/${attachmentFileNames(["a".repeat(500) + ".pdf"])[0]}`;
    expect(path.length).toBeLessThanOrEqual(400);
  });
});
