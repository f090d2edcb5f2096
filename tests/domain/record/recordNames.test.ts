import { describe, expect, it } from "vitest";
import { FILE_NAME_MAX, FOLDER_NAME_MAX, matterFolderName, messageFileName, safeName } from "@domain/record/recordNames";
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
