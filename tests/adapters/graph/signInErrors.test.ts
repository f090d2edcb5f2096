import { describe, expect, it } from "vitest";
import { createGraphSimulator } from "@simulators/graph";
import { createGraphClient } from "@adapters/graph";
import { MatterlineError } from "@domain/errors";

describe("sign-in outcomes through the Graph client", () => {
  it("keep their code and sentence, so the pane can say them once instead of 'sign-in failed'", async () => {
    const sim = createGraphSimulator({ signedInUser: "ann@firm.example" });
    for (const [code, message] of [
      ["sign-in-required", "Sign in to continue: Matterline needs Mail.ReadWrite and will not ask by itself."],
      ["consent-refused", "Ask your IT administrator to grant admin consent for Mail.ReadWrite."],
      ["wrong-account", "You are signed in as sam@other.test, but this mailbox belongs to ann@firm.example."],
    ] as const) {
      const graph = createGraphClient({
        tokenProvider: { getToken: () => Promise.reject(new MatterlineError(code, message)) },
        fetchImpl: sim.fetch,
        readRetryDelayMs: 1,
      });
      const error = await graph.call({ method: "GET", path: "/me/messages" }).then(
        () => null,
        (e: unknown) => e as MatterlineError,
      );
      expect(error).toMatchObject({ code, message });
    }
    // nothing reached Graph without a token
    expect(sim.stats.totalRequests).toBe(0);
  });
});
