// The path aliases (@domain/…, @features/…) have one source, tsconfig.json's "paths"; webpack and vitest read them
// from here so the four tools (tsc, webpack, vitest, tsx) can never disagree.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const paths = JSON.parse(readFileSync(resolve(root, "tsconfig.json"), "utf8")).compilerOptions.paths;

/** `{ "@domain": "/abs/src/domain", … }` */
export const aliases = Object.fromEntries(
  Object.entries(paths).map(([key, [target]]) => [key.replace(/\/\*$/, ""), resolve(root, target.replace(/\/\*$/, ""))]),
);
