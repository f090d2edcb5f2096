import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { parseMailFiles } from "@workbench/mailFiles";

const dir = "data/sample/mail";
const sample = readdirSync(dir)
  .filter((f) => f.endsWith(".eml"))
  .sort()
  .slice(0, 3)
  .map((name) => ({ name, raw: readFileSync(`${dir}/${name}`) }));

describe("the workbench's mail files", () => {
  it("loads every readable file and names each one it cannot read", async () => {
    const files = [
      sample[0],
      { name: "not-mail.eml", raw: "just some words, no headers at all" },
      sample[1],
      { name: "empty.eml", raw: new Uint8Array() },
      sample[2],
    ];
    const { messages, problems } = await parseMailFiles(files);
    expect(messages).toHaveLength(3);
    expect(messages.every((m) => m.conversationId?.startsWith("conv-"))).toBe(true);
    expect(problems.map((p) => p.file)).toEqual(["not-mail.eml", "empty.eml"]);
    expect(problems.every((p) => p.error.length > 0)).toBe(true);
  });
});
