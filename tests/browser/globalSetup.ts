import type { TestProject } from "vitest/node";
// @ts-expect-error plain ESM helper without types
import { serveDist as serveUntyped } from "../../scripts/serveDist.mjs";

/** scripts/serveDist.mjs's server, typed here because the script ships no declaration file. */
const serveDist = serveUntyped as (dir?: string, port?: number) => Promise<{ url: string; close: () => Promise<void> }>;

/** Serves the built dist/ once for all browser tests; the URL reaches tests through `inject("baseUrl")`. */
export default async function setup(project: TestProject) {
  const server = await serveDist(process.env.BROWSER_DIST || "dist");
  project.provide("baseUrl", server.url);
  return () => server.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
