import type { MirrorCategory, MirrorOutcome } from "@ports/mailboxMirror";
import { GraphScopes } from "@ports/tokenProvider";
import type { BatchResult, BatchStep, GraphClient } from "./graphClient";
import { mailboxPath, odataString } from "./mailboxPath";
import { MATTER_PROPERTY_ID } from "./matterProperty";
import type { GraphPage, Message, OutlookCategory } from "./graphTypes";

/** One message to change: add a category, take others off, and optionally write our MatterId property. */
export interface CategoryPatch {
  readonly key: string;
  readonly mailbox: string | null;
  readonly graphId: string | null;
  readonly internetMessageId: string;
  readonly add: MirrorCategory | null;
  readonly remove: readonly string[];
  /** undefined leaves the property alone; null clears it. */
  readonly matterId?: string | null;
}

/** internetMessageIds per lookup: an `or` chain keeps the URL short and the filter simple enough for Outlook. */
const IDS_PER_LOOKUP = 10;

type Found = Pick<Message, "internetMessageId" | "categories"> & { id: string };

/**
 * Applies category changes to many messages in few requests: one `$batch` reads the master list and finds every
 * message (10 internetMessageIds per lookup, 20 lookups per batch), then `$batch`es create missing master
 * categories and PATCH the messages. PATCH replaces the category list, so the new list is computed from the
 * current one: applying twice gives the same result (idempotent, safe to retry after a dropped connection).
 */
export async function applyCategoryPatches(
  graph: GraphClient,
  patches: readonly CategoryPatch[],
  knownCategories: Map<string, Set<string>>,
): Promise<MirrorOutcome[]> {
  const outcomes = new Map<string, MirrorOutcome>();
  const byMailbox = new Map<string, CategoryPatch[]>();
  for (const p of patches) {
    const k = p.mailbox ?? "";
    byMailbox.set(k, [...(byMailbox.get(k) ?? []), p]);
  }
  for (const [mbKey, list] of byMailbox) {
    const mailbox = mbKey || null;
    const base = mailboxPath(mailbox);
    const scopes = mailbox ? [...GraphScopes.mail, ...GraphScopes.sharedMail] : GraphScopes.mail;

    // 1. one batch (or a few) for the master list and the lookups
    const lookupSteps: BatchStep[] = [];
    const needsMaster = list.some((p) => p.add) && !knownCategories.has(mbKey);
    if (needsMaster) lookupSteps.push({ id: "master", method: "GET", url: `${base}/outlook/masterCategories` });
    const imids = [...new Set(list.map((p) => p.internetMessageId))];
    for (let i = 0; i < imids.length; i += IDS_PER_LOOKUP) {
      const chunk = imids.slice(i, i + IDS_PER_LOOKUP);
      const filter = chunk.map((id) => `internetMessageId eq ${odataString(id)}`).join(" or ");
      lookupSteps.push({
        id: `find${i}`,
        method: "GET",
        url: `${base}/messages?$filter=${encodeURIComponent(filter)}&$select=id,internetMessageId,categories&$top=${chunk.length * 5}`,
      });
    }
    // Known ids whose message is not found by internetMessageId still get read directly.
    const looked = await graph.batch(lookupSteps, scopes);
    const found = new Map<string, Found[]>();
    let lookupError: string | null = null;
    for (const [id, r] of looked) {
      if (id === "master") {
        if (!r.error)
          knownCategories.set(
            mbKey,
            new Set(((r.body as GraphPage<OutlookCategory> | null)?.value ?? []).map((c) => (c.displayName ?? "").toLowerCase())),
          );
        continue;
      }
      if (r.error) {
        lookupError = r.error.message;
        continue;
      }
      for (const m of (r.body as GraphPage<Found> | null)?.value ?? []) {
        const k = (m.internetMessageId ?? "").toLowerCase();
        found.set(k, [...(found.get(k) ?? []), m]);
      }
    }
    const missingById = list.filter((p) => p.graphId && !found.has(p.internetMessageId.toLowerCase()));
    if (missingById.length) {
      const direct = await graph.batch(
        missingById.map((p, i) => ({
          id: `byid${i}`,
          method: "GET" as const,
          url: `${base}/messages/${encodeURIComponent(p.graphId!)}?$select=id,internetMessageId,categories`,
        })),
        scopes,
      );
      missingById.forEach((p, i) => {
        const r = direct.get(`byid${i}`);
        if (r && !r.error) found.set(p.internetMessageId.toLowerCase(), [r.body as Found]);
      });
    }

    // 2. master categories to create, then the PATCHes
    const writeSteps: BatchStep[] = [];
    const known = knownCategories.get(mbKey);
    const toCreate = new Map<string, MirrorCategory>();
    for (const p of list) if (p.add && known && !known.has(p.add.name.toLowerCase())) toCreate.set(p.add.name.toLowerCase(), p.add);
    [...toCreate.values()].forEach((c, i) =>
      writeSteps.push({
        id: `cat${i}`,
        method: "POST",
        url: `${base}/outlook/masterCategories`,
        body: { displayName: c.name, color: c.color as OutlookCategory["color"] } satisfies OutlookCategory,
      }),
    );
    const firstId = new Map<string, string>();
    // Patches to the same message are folded so the last one wins and no two PATCHes race.
    const finalCats = new Map<string, { found: Found; categories: string[]; matterId?: string | null }>();
    for (const p of list) {
      const matches = found.get(p.internetMessageId.toLowerCase());
      if (!matches?.length) {
        outcomes.set(p.key, {
          key: p.key,
          ok: false,
          retryable: true,
          error: lookupError ?? "The message is not in the mailbox (yet). It will be retried.",
          notFound: lookupError === null,
        });
        continue;
      }
      firstId.set(p.key, matches[0].id);
      for (const m of matches) {
        const cur = finalCats.get(m.id) ?? { found: m, categories: [...(m.categories ?? [])] };
        const drop = new Set(p.remove.map((c) => c.toLowerCase()));
        cur.categories = cur.categories.filter((c) => !drop.has(c.toLowerCase()));
        if (p.add && !cur.categories.some((c) => c.toLowerCase() === p.add!.name.toLowerCase())) cur.categories.push(p.add.name);
        if (p.matterId !== undefined) cur.matterId = p.matterId;
        finalCats.set(m.id, cur);
      }
    }
    const patchOf = new Map<string, string>(); // graph id → step id
    for (const [gid, c] of finalCats) {
      const stepId = `p${patchOf.size}`;
      patchOf.set(gid, stepId);
      const body: Message = { categories: c.categories };
      if (c.matterId !== undefined) body.singleValueExtendedProperties = [{ id: MATTER_PROPERTY_ID, value: c.matterId ?? "" }];
      writeSteps.push({ id: stepId, method: "PATCH", url: `${base}/messages/${encodeURIComponent(gid)}`, body });
    }
    const written = writeSteps.length ? await graph.batch(writeSteps, scopes) : new Map<string, BatchResult>();
    for (const [id, r] of written) {
      if (id.startsWith("cat") && (!r.error || r.status === 409)) {
        const name = (writeSteps.find((s) => s.id === id)!.body as { displayName: string }).displayName;
        knownCategories.get(mbKey)?.add(name.toLowerCase());
      }
    }
    for (const p of list) {
      if (outcomes.has(p.key)) continue;
      const ids = found.get(p.internetMessageId.toLowerCase())!.map((m) => m.id);
      const failed = ids.map((gid) => written.get(patchOf.get(gid)!)).find((r) => r?.error);
      const failure = failed?.error;
      outcomes.set(
        p.key,
        failed && failure
          ? { key: p.key, ok: false, retryable: failure.retryable || failed.status === 0, error: failure.message }
          : { key: p.key, ok: true, graphId: firstId.get(p.key)! },
      );
    }
  }
  return patches.map((p) => outcomes.get(p.key)!);
}
