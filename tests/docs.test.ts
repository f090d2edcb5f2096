import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

// The README and docs/ are what a user who clones the repository reads: every relative link must lead to a file in it.
const root = resolve(__dirname, "..");
const docs = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Link targets of a Markdown text: inline links and images `[text](target)` and reference definitions `[id]: target`. */
function linkTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const inline = [...withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const definitions = [...withoutCode.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]);
  return [...inline, ...definitions];
}

const isRelative = (target: string) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#") && !target.startsWith("//");

describe("links in the README and docs/", () => {
  it("finds the documents and their links", () => {
    expect(docs).toEqual(expect.arrayContaining(["README.md", "docs/directory.md", "docs/command-line.md"]));
    const readme = linkTargets(readFileSync(join(root, "README.md"), "utf8"));
    expect(readme).toEqual(expect.arrayContaining(["docs/directory.md", "docs/command-line.md"]));
  });

  it("every relative link resolves to a file in the repository", () => {
    const broken: string[] = [];
    for (const doc of docs) {
      for (const target of linkTargets(readFileSync(join(root, doc), "utf8")).filter(isRelative)) {
        const path = resolve(dirname(join(root, doc)), decodeURIComponent(target.replace(/[#?].*$/, "")));
        const inside = !relative(root, path).startsWith("..");
        if (!inside || !existsSync(path)) broken.push(`${doc} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("no document sends the reader outside the repository for its formats", () => {
    for (const doc of docs) expect(readFileSync(join(root, doc), "utf8"), doc).not.toMatch(/\.\.\/shared|DESIGN\.md/);
  });
});
