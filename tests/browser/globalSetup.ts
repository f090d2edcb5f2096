import type { TestProject } from "vitest/node";
// @ts-expect-error plain ESM helper without types
import { serveDist as serveDistUntyped } from "../../scripts/serveDist.mjs";
// @ts-expect-error plain ESM helper without types
import { launchChromiumServer as launchChromiumServerUntyped } from "../../scripts/chromium.mjs";

interface Closable {
  close(): Promise<void>;
}
const serveDist = serveDistUntyped as (dir: string) => Promise<Closable & { url: string }>;
const launchChromiumServer = launchChromiumServerUntyped as () => Promise<Closable & { wsEndpoint(): string }>;

/**
 * Serves the built dist/ and starts one Chromium for all browser tests; each test file opens the workbench in its own
 * browser context (useWorkbench in browser.ts). Both reach the tests through `inject`, and both end here, after the
 * last file, whatever happened in the files.
 */
export default async function setup(project: TestProject) {
  const server = await serveDist(process.env.BROWSER_DIST || "dist");
  let chromium: Closable & { wsEndpoint(): string };
  try {
    chromium = await launchChromiumServer();
  } catch (error) {
    await server.close();
    throw error;
  }
  project.provide("baseUrl", server.url);
  project.provide("browserEndpoint", chromium.wsEndpoint());
  return async () => {
    await chromium.close();
    await server.close();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    browserEndpoint: string;
  }
}
