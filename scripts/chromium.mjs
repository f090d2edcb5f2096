// Playwright gives each launch a fresh temporary profile.
// Launches Debian's Chromium through playwright-core with the flags this closed network needs.
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function chromiumAvailable() {
  return existsSync(CHROMIUM);
}

export async function launchChromium() {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** One Chromium that several processes connect to (`chromium.connect(server.wsEndpoint())`); close() ends it. */
export async function launchChromiumServer() {
  const { chromium } = await import("playwright-core");
  return chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
