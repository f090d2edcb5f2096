import { describe, expect, it } from "vitest";
import { createGraphSimulator } from "@simulators/graph";
import { createGraphClient, withQuickReads } from "@adapters/graph";
import type { MatterlineError } from "@domain/errors";

function setup() {
  const sim = createGraphSimulator({ signedInUser: "ann@firm.example" });
  sim.addMessage("me", "inbox", { subject: "Hello", receivedDateTime: "2026-03-01T08:00:00Z" });
  const graph = createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("t") }, fetchImpl: sim.fetch, readRetryDelayMs: 1 });
  return { sim, graph, quick: withQuickReads(graph) };
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as MatterlineError,
  );

describe("quick reads (the list the pane shows while it refreshes)", () => {
  it("give up at once when Graph asks for a longer pause than a second, so the pane can say so and show the last list", async () => {
    const { sim, quick, graph } = setup();
    sim.failNext(1, { status: 503, retryAfterSec: 20 });
    const error = await failure(quick.call({ method: "GET", path: "/me/messages" }));
    expect(error?.code).toBe("graph-error");
    expect(sim.stats.totalRequests).toBe(1);
    sim.failNext(1, { status: 429, retryAfterSec: 2 });
    expect((await failure(quick.call({ method: "GET", path: "/me/messages" })))?.code).toBe("throttled");
    expect(sim.stats.totalRequests).toBe(2);
    expect(sim.pendingFaults()).toBe(0);
    // The same read without the quick budget waits out a short Retry-After and gets through.
    sim.failNext(1, { status: 429, retryAfterSec: 1 });
    expect((await graph.call<{ value: unknown[] }>({ method: "GET", path: "/me/messages" })).value).toHaveLength(1);
  });

  it("try once more after a short pause, and succeed when that one gets through", async () => {
    const { sim, quick } = setup();
    sim.failNext(1, { status: 503, retryAfterSec: 0 });
    const page = await quick.call<{ value: unknown[] }>({ method: "GET", path: "/me/messages" });
    expect(page.value).toHaveLength(1);
    expect(sim.stats.totalRequests).toBe(2);
    sim.failNext(5, { status: 503, retryAfterSec: 0 });
    expect((await failure(quick.call({ method: "GET", path: "/me/messages" })))?.code).toBe("graph-error");
    // one retry, not the six of the SDK's handler and the two more of the client's own read retries
    expect(sim.stats.totalRequests).toBe(4);
  });
});
