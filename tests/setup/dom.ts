import { afterEach } from "vitest";

if (typeof window !== "undefined") {
  // Fluent UI's focus manager (tabster) reads NodeFilter as a global, which vitest's jsdom environment does not expose.
  (globalThis as { NodeFilter?: unknown }).NodeFilter ??= window.NodeFilter;
  // Testing Library only cleans up by itself when test globals are on; they are off here.
  const { cleanup, configure } = await import("@testing-library/react");
  afterEach(() => cleanup());
  // findBy*/waitFor give up after 1 s by default. On a loaded two-core CI machine an async search and its render
  // took longer once (a flake, not a fault): they wait up to 10 s here. This is a ceiling on waiting, not a speed
  // check — speed is measured in `npm run bench`.
  configure({ asyncUtilTimeout: 10000 });
}
