import { describe, expect, it } from "vitest";
import { createGraphClient } from "@adapters/graph";

describe("Graph on a national cloud", () => {
  it("sends every request, next pages included, to the configured service root", async () => {
    const urls: string[] = [];
    const fetchImpl = (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      urls.push(url);
      const body = url.includes("skiptoken")
        ? { value: [{ id: "2" }] }
        : { value: [{ id: "1" }], "@odata.nextLink": "https://graph.microsoft.us/v1.0/me/messages?$skiptoken=abc" };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } }));
    };
    const graph = createGraphClient({
      tokenProvider: { getToken: () => Promise.resolve("t") },
      fetchImpl,
      baseUrl: "https://graph.microsoft.us",
    });
    const first = await graph.call<{ "@odata.nextLink": string }>({ method: "GET", path: "/me/messages?$top=1" });
    await graph.call({ method: "GET", path: first["@odata.nextLink"] });
    expect(urls).toEqual([
      "https://graph.microsoft.us/v1.0/me/messages?$top=1",
      "https://graph.microsoft.us/v1.0/me/messages?$skiptoken=abc",
    ]);
  });

  it("uses the global service when no root is configured", async () => {
    const urls: string[] = [];
    const fetchImpl = (input: RequestInfo | URL) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return Promise.resolve(new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } }));
    };
    await createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("t") }, fetchImpl }).call({ method: "GET", path: "/me" });
    expect(urls).toEqual(["https://graph.microsoft.com/v1.0/me"]);
  });
});
