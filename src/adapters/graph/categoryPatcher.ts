import { MatterlineError } from "@domain/errors";
import type { MirrorCategory, MirrorOutcome } from "@ports/mailboxMirror";
import { GraphScopes } from "@ports/tokenProvider";
import type { BatchResult, BatchStep, GraphClient } from "./graphClient";
import { mailboxPath, odataString } from "./mailboxPath";
import { MATTER_PROPERTY_ID, NO_REPLY_PROPERTY_ID } from "./matterProperty";
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
  /** Our "no reply needed" property: true sets it, false clears it, undefined leaves it alone. */
  readonly noReplyNeeded?: boolean;
}

/** internetMessageIds per lookup: an `or` chain keeps the URL short and the filter simple enough for Outlook. */
const IDS_PER_LOOKUP = 10;
/** Rounds of read → PATCH when a colleague keeps changing the same message (each 412 costs one more round). */
const CONFLICT_ROUNDS = 3;

type Found = Pick<Message, "internetMessageId" | "categories"> & {
  id: string;
  /** The message's version; PATCH sends it back in If-Match. */
  "@odata.etag"?: string;
};

const FOUND_SELECT = "$select=id,internetMessageId,categories";

/** The category list after `patches`, in order, starting from the mailbox's current one. */
function categoriesAfter(current: readonly string[], patches: readonly CategoryPatch[]): string[] {
  let out = [...current];
  for (const p of patches) {
    const drop = new Set(p.remove.map((c) => c.toLowerCase()));
    out = out.filter((c) => !drop.has(c.toLowerCase()));
    if (p.add && !out.some((c) => c.toLowerCase() === p.add!.name.toLowerCase())) out.push(p.add.name);
  }
  return out;
}

/** The MatterId write of the last patch that has one (undefined: leave the property alone). */
function matterIdAfter(patches: readonly CategoryPatch[]): string | null | undefined {
  let out: string | null | undefined;
  for (const p of patches) if (p.matterId !== undefined) out = p.matterId;
  return out;
}

/** The NoReplyNeeded write of the last patch that has one (undefined: leave the property alone). */
function noReplyAfter(patches: readonly CategoryPatch[]): boolean | undefined {
  let out: boolean | undefined;
  for (const p of patches) if (p.noReplyNeeded !== undefined) out = p.noReplyNeeded;
  return out;
}

/**
 * Applies category changes to many messages in few requests: one `$batch` reads the master list and finds every
 * message (10 internetMessageIds per lookup, 20 lookups per batch), then `$batch`es create missing master
 * categories and PATCH the messages. PATCH replaces the category list, so the new list is computed from the
 * current one: applying twice gives the same result (idempotent, safe to retry after a dropped connection).
 *
 * Each PATCH carries the version read (`If-Match` with the message's `@odata.etag`): when a colleague changed the
 * message in between, Graph answers 412 and the message is read again and the list recomputed from what is there
 * now, so their change is kept (learn.microsoft.com/graph/api/resources/message, changeKey; HTTP If-Match, RFC 9110
 * §13.1.1). A lookup that fails is retried one message at a time, so one bad id fails only itself.
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
    const lookupUrl = (ids: readonly string[]) => {
      const filter = ids.map((id) => `internetMessageId eq ${odataString(id)}`).join(" or ");
      return `${base}/messages?$filter=${encodeURIComponent(filter)}&${FOUND_SELECT}&$top=${ids.length * 5}`;
    };

    // 1. one batch (or a few) for the master list and the lookups
    const lookupSteps: BatchStep[] = [];
    const needsMaster = list.some((p) => p.add) && !knownCategories.has(mbKey);
    if (needsMaster) lookupSteps.push({ id: "master", method: "GET", url: `${base}/outlook/masterCategories` });
    const imids = [...new Set(list.map((p) => p.internetMessageId))];
    const chunks = new Map<string, string[]>();
    for (let i = 0; i < imids.length; i += IDS_PER_LOOKUP) {
      const chunk = imids.slice(i, i + IDS_PER_LOOKUP);
      chunks.set(`find${i}`, chunk);
      lookupSteps.push({ id: `find${i}`, method: "GET", url: lookupUrl(chunk) });
    }
    const looked = await graph.batch(lookupSteps, scopes);
    const found = new Map<string, Found[]>();
    /** Why a message could not be looked up, by lower-cased internetMessageId. */
    const lookupErrors = new Map<string, MatterlineError>();
    const addFound = (rows: readonly Found[]) => {
      for (const m of rows) {
        const k = (m.internetMessageId ?? "").toLowerCase();
        found.set(k, [...(found.get(k) ?? []), m]);
      }
    };
    const failedChunks: string[] = [];
    for (const [id, r] of looked) {
      if (id === "master") {
        if (!r.error)
          knownCategories.set(
            mbKey,
            new Set(((r.body as { value?: { displayName: string }[] })?.value ?? []).map((c) => c.displayName.toLowerCase())),
          );
        continue;
      }
      if (r.error) failedChunks.push(...(chunks.get(id) ?? []));
      else addFound((r.body as GraphPage<Found> | null)?.value ?? []);
    }
    // A failed lookup says nothing about its neighbours: ask again for each of its messages alone.
    if (failedChunks.length) {
      const single = await graph.batch(
        failedChunks.map((imid, i) => ({ id: `one${i}`, method: "GET" as const, url: lookupUrl([imid]) })),
        scopes,
      );
      failedChunks.forEach((imid, i) => {
        const r = single.get(`one${i}`);
        if (!r || r.error)
          lookupErrors.set(imid.toLowerCase(), r?.error ?? new MatterlineError("graph-error", "No answer for this lookup."));
        else addFound((r.body as GraphPage<Found> | null)?.value ?? []);
      });
    }
    // Known ids whose message is not found by internetMessageId still get read directly.
    const missingById = list.filter((p) => p.graphId && !found.has(p.internetMessageId.toLowerCase()));
    if (missingById.length) {
      const direct = await graph.batch(
        missingById.map((p, i) => ({
          id: `byid${i}`,
          method: "GET" as const,
          url: `${base}/messages/${encodeURIComponent(p.graphId!)}?${FOUND_SELECT}`,
        })),
        scopes,
      );
      missingById.forEach((p, i) => {
        const r = direct.get(`byid${i}`);
        if (r && !r.error) {
          found.set(p.internetMessageId.toLowerCase(), [r.body as Found]);
          lookupErrors.delete(p.internetMessageId.toLowerCase());
        }
      });
    }

    // 2. master categories to create
    const known = knownCategories.get(mbKey);
    const toCreate = new Map<string, MirrorCategory>();
    for (const p of list) if (p.add && known && !known.has(p.add.name.toLowerCase())) toCreate.set(p.add.name.toLowerCase(), p.add);
    const catSteps: BatchStep[] = [...toCreate.values()].map((c, i) => ({
      id: `cat${i}`,
      method: "POST",
      url: `${base}/outlook/masterCategories`,
      body: { displayName: c.name, color: c.color as OutlookCategory["color"] } satisfies OutlookCategory,
    }));

    // 3. the PATCHes: patches to the same message are folded (in order) so no two PATCHes race
    const firstId = new Map<string, string>();
    const patchesOf = new Map<string, { found: Found; patches: CategoryPatch[] }>(); // graph id → its patches
    for (const p of list) {
      const matches = found.get(p.internetMessageId.toLowerCase());
      if (!matches?.length) {
        const err = lookupErrors.get(p.internetMessageId.toLowerCase());
        outcomes.set(
          p.key,
          err
            ? { key: p.key, ok: false, retryable: err.retryable, error: err.message }
            : {
                key: p.key,
                ok: false,
                retryable: true,
                error: "The message is not in the mailbox (yet). It will be retried.",
                notFound: true,
              },
        );
        continue;
      }
      firstId.set(p.key, matches[0].id);
      for (const m of matches) {
        const cur = patchesOf.get(m.id) ?? { found: m, patches: [] };
        cur.patches.push(p);
        patchesOf.set(m.id, cur);
      }
    }
    const results = new Map<string, BatchResult>(); // graph id → the PATCH's last result
    let pending = [...patchesOf.keys()];
    for (let round = 0; pending.length > 0; round++) {
      const steps: BatchStep[] = round === 0 ? [...catSteps] : [];
      const stepOf = new Map<string, string>();
      for (const gid of pending) {
        const { found: f, patches: ps } = patchesOf.get(gid)!;
        const stepId = `p${stepOf.size}`;
        stepOf.set(stepId, gid);
        const body: Message = { categories: categoriesAfter(f.categories ?? [], ps) };
        const matterId = matterIdAfter(ps);
        const noReply = noReplyAfter(ps);
        const properties = [
          ...(matterId !== undefined ? [{ id: MATTER_PROPERTY_ID, value: matterId ?? "" }] : []),
          ...(noReply !== undefined ? [{ id: NO_REPLY_PROPERTY_ID, value: noReply ? "true" : "" }] : []),
        ];
        // Written in the same PATCH as the category, so the two never disagree after a retry.
        if (properties.length) body.singleValueExtendedProperties = properties;
        const etag = f["@odata.etag"];
        steps.push({
          id: stepId,
          method: "PATCH",
          url: `${base}/messages/${encodeURIComponent(gid)}`,
          body,
          ...(etag ? { headers: { "If-Match": etag } } : {}),
        });
      }
      const written = await graph.batch(steps, scopes);
      for (const [id, r] of written) {
        if (id.startsWith("cat")) {
          if (!r.error || r.status === 409) {
            const name = (catSteps.find((s) => s.id === id)!.body as { displayName: string }).displayName;
            knownCategories.get(mbKey)?.add(name.toLowerCase());
          }
          continue;
        }
        results.set(stepOf.get(id)!, r);
      }
      // 412: someone changed the message since it was read. Read it again and recompute from what is there now.
      const conflicted = pending.filter((gid) => results.get(gid)?.status === 412);
      if (!conflicted.length || round + 1 >= CONFLICT_ROUNDS) break;
      const reread = await graph.batch(
        conflicted.map((gid, i) => ({
          id: `re${i}`,
          method: "GET" as const,
          url: `${base}/messages/${encodeURIComponent(gid)}?${FOUND_SELECT}`,
        })),
        scopes,
      );
      pending = [];
      conflicted.forEach((gid, i) => {
        const r = reread.get(`re${i}`);
        if (r && !r.error && r.body) {
          patchesOf.get(gid)!.found = r.body as Found;
          pending.push(gid);
        } else if (r?.error) results.set(gid, r);
      });
    }
    for (const p of list) {
      if (outcomes.has(p.key)) continue;
      const ids = found.get(p.internetMessageId.toLowerCase())!.map((m) => m.id);
      const failed = ids.map((gid) => results.get(gid)).find((r) => r?.error);
      const failure = failed?.error;
      outcomes.set(
        p.key,
        failed && failure
          ? {
              key: p.key,
              ok: false,
              // a message still changing after every round is tried again later; a refused request is not
              retryable: failure.retryable || failed.status === 0 || failed.status === 412,
              error: failure.message,
            }
          : { key: p.key, ok: true, graphId: firstId.get(p.key)! },
      );
    }
  }
  return patches.map((p) => outcomes.get(p.key)!);
}
