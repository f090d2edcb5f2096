import { describe, expect, it } from "vitest";
import { mail } from "../matters/fixtures";
import { firm } from "./recordHarness";
import { filingCounts } from "@features/record/filingCounts";
import { RECORD_FILE_KIND, RECORD_KIND } from "@domain/record/types";

const AMELIA = "amelia@quill.test";

describe("filings waiting to reach the matter record", () => {
  it("counts emails, not operations: a filing whose item and stored message both wait counts once", async () => {
    const f = await firm();
    const amelia = f.device(AMELIA);
    const a = mail({ subject: "Lease: comments" });
    const b = mail({ subject: "Lease: plan" });
    f.deliver(a, AMELIA);
    f.deliver(b, AMELIA);
    await amelia.file(a, "x1");
    await amelia.file(b, "x1");
    expect(filingCounts(await amelia.outbox.list())).toEqual({ waiting: 2, refused: 0 });

    // The items are in the record; their stored messages wait: still two filings.
    expect((await amelia.drainOnce()).failed).toBe(0);
    const between = (await amelia.outbox.list()).filter((o) => o.kind === RECORD_KIND || o.kind === RECORD_FILE_KIND);
    expect(between.map((o) => o.kind)).toEqual([RECORD_FILE_KIND, RECORD_FILE_KIND]);
    expect(filingCounts(between)).toEqual({ waiting: 2, refused: 0 });

    // Re-filed while its message waits: its item write and its message's both queued, one filing.
    await amelia.file(a, "x2");
    const both = (await amelia.outbox.list()).filter((o) => o.payload && (o.kind === RECORD_KIND || o.kind === RECORD_FILE_KIND));
    expect(both.filter((o) => (o.payload as { internetMessageId: string }).internetMessageId === a.internetMessageId)).toHaveLength(2);
    expect(filingCounts(both)).toEqual({ waiting: 2, refused: 0 });

    // One refused for good counts as refused, not as waiting.
    const refusedOp = both.find((o) => o.kind === RECORD_KIND)!;
    await amelia.outbox.enqueue({ ...refusedOp, status: "failed", nextAttemptAt: null, lastError: "refused" });
    expect(filingCounts(await amelia.outbox.list())).toEqual({ waiting: 1, refused: 1 });

    expect((await amelia.drain()).failed).toBe(0);
    expect(filingCounts(await amelia.outbox.list())).toEqual({ waiting: 0, refused: 1 });
  });
});
