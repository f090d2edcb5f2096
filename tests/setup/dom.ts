import { afterEach } from "vitest";

if (typeof window !== "undefined") {
  // Fluent UI's focus manager (tabster) reads NodeFilter as a global, which vitest's jsdom environment does not expose.
  (globalThis as { NodeFilter?: unknown }).NodeFilter ??= window.NodeFilter;
  // Testing Library only cleans up by itself when test globals are on; they are off here.
  const { cleanup } = await import("@testing-library/react");
  afterEach(() => cleanup());
}
