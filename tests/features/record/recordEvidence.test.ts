import { describe, expect, it } from "vitest";
import { mail } from "../matters/fixtures";
import { firm, NOW, type Device, type Firm } from "./recordHarness";
import { createPaneRecognizer } from "@domain/recognition/paneRecognition";
import type { MailMessage } from "@domain/model/mail";
import { recordKey } from "@domain/record/types";

const AMELIA = "amelia@quill.test";
const ROSA = "rosa@quill.test";

/** What the pane's filing section shows of one email on this device: where it stands in the shared record. */
async function shown(f: Firm, d: Device, m: MailMessage) {
  const recognizer = createPaneRecognizer({
    directory: () => Promise.resolve(f.loaded),
    me: [d.upn],
    history: d.history,
    log: d.log,
    outbox: d.outbox,
    record: d.local,
    now: () => NOW,
  });
  const { logged, recordRefusal } = await recognizer.recognize(m, { useMailbox: false });
  return { record: logged?.record ?? null, message: logged?.recordMessage ?? null, refusal: recordRefusal ?? null };
}

describe("'Filed in the matter record' comes from evidence, not from an empty queue", () => {
  it("a filing whose item write the record refused for good is not shown filed, even once nothing is queued", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const m = mail({ subject: "Refused item" });
    f.deliver(m, AMELIA);
    await amelia.file(m, "x1");
    expect(await shown(f, amelia, m)).toMatchObject({ record: "waiting", message: "waiting" });
    // The list refuses the item (400: the same on every attempt).
    f.sim.failNext(1, { status: 400 }, (r) => r.method === "POST" && r.path.endsWith("/items"));
    expect((await amelia.drain()).failed).toBe(1);
    expect(await shown(f, amelia, m)).toMatchObject({ record: "failed" });
    // The refused write taken off the queue: the record still does not hold the entry, so still no ✓.
    const op = (await amelia.outbox.list()).find((o) => o.key === recordKey(m.internetMessageId!))!;
    await amelia.outbox.settle({ remove: [{ key: op.key, createdAt: op.createdAt }], update: [] });
    expect(await amelia.outbox.list()).toEqual([]);
    expect(await shown(f, amelia, m)).toMatchObject({ record: "waiting", message: "waiting" });
  });

  it("filed once the local copy holds the record's item; the message is 'being stored' until its own write is done", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const m = mail({ subject: "Item then message" });
    f.deliver(m, AMELIA);
    await amelia.file(m, "x1");
    expect((await amelia.drainOnce()).failed).toBe(0);
    expect((await amelia.local.shadow(m.internetMessageId!))?.itemId).toBeTruthy();
    expect(await shown(f, amelia, m)).toEqual({ record: "filed", message: "waiting", refusal: null });
    expect((await amelia.drainOnce()).failed).toBe(0);
    expect(await shown(f, amelia, m)).toEqual({ record: "filed", message: "filed", refusal: null });

    // Re-filed here and not yet written: the record holds the old matter, so this filing is waiting again.
    await amelia.file(m, "x2");
    expect(await shown(f, amelia, m)).toMatchObject({ record: "waiting" });
    expect((await amelia.drain()).failed).toBe(0);
    expect(await shown(f, amelia, m)).toEqual({ record: "filed", message: "filed", refusal: null });
  });

  it("a stored message that failed for good, or that nothing will store, is not shown as stored", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const m = mail({ subject: "Message refused" });
    f.deliver(m, AMELIA);
    await amelia.file(m, "x1");
    expect((await amelia.drainOnce()).failed).toBe(0);
    // The upload is refused for good.
    f.sim.failNext(1, { status: 400 }, (r) => r.method === "PUT" && r.path.endsWith("/content"));
    expect((await amelia.drainOnce()).failed).toBe(1);
    expect(await shown(f, amelia, m)).toEqual({ record: "filed", message: "failed", refusal: null });
  });

  it("a colleague's filing read by sync is filed; its message is on its way until their device links it", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const rosa = f.device(ROSA);
    const m = mail({ subject: "Colleague's filing" });
    f.deliver(m, AMELIA, ROSA);
    await amelia.file(m, "x1");
    expect((await amelia.drainOnce()).failed).toBe(0);
    await rosa.service.sync();
    expect(await shown(f, rosa, m)).toEqual({ record: "filed", message: "waiting", refusal: null });
    expect((await amelia.drainOnce()).failed).toBe(0);
    await rosa.service.sync();
    expect(await shown(f, rosa, m)).toEqual({ record: "filed", message: "filed", refusal: null });
  });
});
