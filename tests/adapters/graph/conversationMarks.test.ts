import { describe, expect, it } from "vitest";
import { createGraphSimulator } from "@simulators/graph";
import { createGraphClient, createGraphMessageReader, MATTER_PROPERTY_ID } from "@adapters/graph";

function setup() {
  const sim = createGraphSimulator({ signedInUser: "ann@firm.example", inFlightRetryAfterSec: 0 });
  const graph = createGraphClient({
    tokenProvider: { getToken: () => Promise.resolve("token") },
    fetchImpl: sim.fetch,
    readRetryDelayMs: 1,
  });
  const body = "<p>" + "A long privileged paragraph. ".repeat(200) + "</p>";
  sim.addMessage("me", "inbox", {
    internetMessageId: "<a@client.example>",
    conversationId: "conv-1",
    subject: "Lease",
    receivedDateTime: "2026-03-01T08:00:00Z",
    from: { emailAddress: { address: "client@acme.example" } },
    body: { contentType: "html", content: body },
    categories: ["2024-0012 Lease"],
    singleValueExtendedProperties: [{ id: MATTER_PROPERTY_ID, value: "m-12" }],
  });
  sim.addMessage("me", "sentitems", {
    internetMessageId: "<b@firm.example>",
    conversationId: "conv-1",
    subject: "RE: Lease",
    receivedDateTime: "2026-03-01T09:00:00Z",
    body: { contentType: "text", content: "Reply text" },
  });
  sim.addMessage("me", "inbox", {
    internetMessageId: "<c@other.example>",
    conversationId: "conv-2",
    receivedDateTime: "2026-03-01T10:00:00Z",
  });
  return { sim, reader: createGraphMessageReader(graph) };
}

describe("listConversation marksOnly", () => {
  it("reads ids, categories and the MatterId property of the thread without bodies", async () => {
    const { sim, reader } = setup();
    sim.resetStats();
    const marks = await reader.listConversation(null, "conv-1", { marksOnly: true });
    expect(marks.map((m) => [m.internetMessageId, m.loggedMatterId ?? null, m.categories])).toEqual([
      ["<a@client.example>", "m-12", ["2024-0012 Lease"]],
      ["<b@firm.example>", null, []],
    ]);
    expect(marks.every((m) => m.bodyText === "" && m.subject === "" && m.from === null)).toBe(true);
    const url = decodeURIComponent(sim.stats.log[0].url);
    expect(url).toContain("$select=internetMessageId,conversationId,receivedDateTime,categories");
    expect(url).not.toMatch(/\bbody\b/);
    expect(sim.stats.log[0].prefer ?? "").not.toContain("body-content-type");
  });

  it("still reads whole messages by default", async () => {
    const { reader } = setup();
    const full = await reader.listConversation(null, "conv-1");
    expect(full.map((m) => m.subject)).toEqual(["Lease", "RE: Lease"]);
    expect(full[0].bodyText).toContain("privileged paragraph");
  });
});
