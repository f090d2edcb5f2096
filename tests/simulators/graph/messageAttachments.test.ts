import { describe, expect, it } from "vitest";
import { createGraphSimulator } from "@simulators/graph/index";

const BASE = "https://graph.microsoft.com/v1.0";

async function get(sim: ReturnType<typeof createGraphSimulator>, path: string) {
  const res = await sim.fetch(`${BASE}${path}`, { headers: { authorization: "Bearer t" } });
  return res;
}

describe("the simulated mailbox's message attachments (as strict as Graph)", () => {
  it("lists each attachment with its @odata.type, size and isInline; gets one; serves a file's bytes and an item's MIME from $value", async () => {
    const sim = createGraphSimulator();
    const big = new Uint8Array(5 * 1024 * 1024).fill(7);
    const msg = sim.addMessage(
      "me",
      "inbox",
      { subject: "With attachments" },
      {
        attachments: [
          { name: "big.bin", content: big },
          { name: "logo.png", contentType: "image/png", content: "png", isInline: true, contentId: "logo" },
          { kind: "item", name: "Earlier mail", content: "Subject: earlier\r\n\r\nbody" },
          { kind: "reference", name: "Plans.docx" },
        ],
      },
    );
    expect(msg.hasAttachments).toBe(true);
    const list = (await (await get(sim, `/me/messages/${msg.id}/attachments?$select=id,name,size,isInline`)).json()) as {
      value: Record<string, unknown>[];
    };
    expect(list.value.map((a) => [a["@odata.type"], a.name, a.isInline])).toEqual([
      ["#microsoft.graph.fileAttachment", "big.bin", false],
      ["#microsoft.graph.fileAttachment", "logo.png", true],
      ["#microsoft.graph.itemAttachment", "Earlier mail", false],
      ["#microsoft.graph.referenceAttachment", "Plans.docx", false],
    ]);
    // $select is honoured: no contentBytes unless asked for; the size is the attachment's in the store (a bit more).
    expect(list.value[0].contentBytes).toBeUndefined();
    expect(list.value[0].size as number).toBeGreaterThanOrEqual(big.length);

    const one = (await (await get(sim, `/me/messages/${msg.id}/attachments/${String(list.value[1].id)}`)).json()) as Record<
      string,
      unknown
    >;
    expect(one).toMatchObject({ name: "logo.png", contentType: "image/png", contentId: "logo", contentBytes: btoa("png") });
    const bytes = new Uint8Array(
      await (await get(sim, `/me/messages/${msg.id}/attachments/${String(list.value[0].id)}/$value`)).arrayBuffer(),
    );
    expect(bytes.length).toBe(big.length);
    const item = await (await get(sim, `/me/messages/${msg.id}/attachments/${String(list.value[2].id)}/$value`)).text();
    expect(item).toContain("Subject: earlier");
    // A reference attachment's file is not in the mailbox.
    expect((await get(sim, `/me/messages/${msg.id}/attachments/${String(list.value[3].id)}/$value`)).status).toBe(400);
    // Unknown attachments, unknown properties and other methods are refused.
    expect((await get(sim, `/me/messages/${msg.id}/attachments/nope/$value`)).status).toBe(404);
    expect((await get(sim, `/me/messages/${msg.id}/attachments?$select=fileName`)).status).toBe(400);
    expect((await get(sim, `/me/messages/nope/attachments`)).status).toBe(404);
  });

  it("an inline image alone does not make hasAttachments true (as in Outlook)", () => {
    const sim = createGraphSimulator();
    const msg = sim.addMessage("me", "inbox", {}, { attachments: [{ name: "sig.png", content: "x", isInline: true }] });
    expect(msg.hasAttachments).toBe(false);
  });
});
