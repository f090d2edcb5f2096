import type { PaneContext } from "@hosts/context";
import { recordConfig } from "@hosts/recordConfig";
import type { RecordCapability, RecordStatus } from "./api";
import { createRecordService, RECORD_SYNCED_AT_KEY } from "./service";
import { filingCounts } from "./filingCounts";
import { RECORD_FILE_KIND, RECORD_KIND } from "@domain/record/types";
import { MatterlineError, toMatterlineError } from "@domain/errors";
import type { MatterRecord } from "@ports/matterRecord";
import type { OutboxExecutor } from "@domain/outbox/drain";
import { createGraphMatterRecord, type RecordIdCache, type RecordIds } from "@adapters/graph/record/graphMatterRecord";

/** Settings key of the site this device uses (when set, it wins over the firm's build-time default). */
export const RECORD_SITE_KEY = "record.site";
/** Settings key of the ids found for the site (site, list, library, matter folders), kept so filings skip the lookups. */
export const RECORD_IDS_KEY = "record.ids";
/** How often the local copy asks the record for changes while the pane is open (one request when nothing changed). */
const SYNC_EVERY_MS = 60_000;

function checkSite(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new MatterlineError("invalid-input", "Enter the site's full address, e.g. https://<your firm>.sharepoint.com/sites/Matters.");
  }
  if (u.protocol !== "https:" || !u.pathname || u.pathname === "/")
    throw new MatterlineError("invalid-input", "Enter the site's full address, e.g. https://<your firm>.sharepoint.com/sites/Matters.");
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
}

/** Checks the kept ids read back from storage. */
function isRecordIds(v: unknown): v is RecordIds {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  const folders = r.folders;
  return (
    ["siteUrl", "siteId", "listId", "driveId"].every((k) => typeof r[k] === "string" && r[k] !== "") &&
    typeof folders === "object" &&
    folders !== null &&
    Object.values(folders).every((id) => typeof id === "string")
  );
}

/**
 * Builds the shared matter record: the outbox writer of kind "record", the sync (at start, every minute, after writes,
 * when back online, and on "Sync now"), and what the UI shows of it.
 */
export async function buildRecord(ctx: PaneContext): Promise<RecordCapability> {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  const config = recordConfig(ctx.host);
  let reach: { state: RecordStatus["reach"]; problem: string | null } = { state: "unknown", problem: null };
  let site: string | null = null;
  let record: MatterRecord | null = null;

  // The ids found for the site live in this device's IndexedDB: a pane start (each time Outlook opens it) files
  // without looking the site, its list, its library and the matter's folder up again.
  const ids: RecordIdCache = {
    load: async () => {
      const v = await ctx.stores.settings.get(RECORD_IDS_KEY);
      return isRecordIds(v) ? v : null;
    },
    save: (v) => ctx.stores.settings.set(RECORD_IDS_KEY, { ...v }),
  };

  function switchSite(next: string | null): void {
    site = next;
    record = next ? createGraphMatterRecord(ctx.graph, { siteUrl: next, scopes: config.scopes, ids }) : null;
    reach = { state: "unknown", problem: null };
    // Without a site, record writes wait in the outbox (they land once the site is set up).
    if (record) {
      ctx.outbox.register(RECORD_KIND, service.executor());
      ctx.outbox.register(RECORD_FILE_KIND, storingExecutor());
    } else {
      ctx.outbox.unregister(RECORD_KIND);
      ctx.outbox.unregister(RECORD_FILE_KIND);
    }
  }

  const service = createRecordService({
    record: () => Promise.resolve(record),
    local: ctx.stores.record,
    log: ctx.stores.log,
    outbox: ctx.stores.outbox,
    settings: ctx.stores.settings,
    directory: () => ctx.directory.current(),
    me: ctx.me.email,
    now: ctx.now,
  });

  /**
   * The stored messages' executor, run once this device knows the firm's options (whether attachments go beside the
   * message): before its first sync, it waits for one; during a sync, for its end.
   */
  function storingExecutor(): OutboxExecutor {
    const inner = service.fileExecutor();
    return {
      ...inner,
      async execute(ops) {
        if (running) await running;
        else if (typeof (await ctx.stores.settings.get(RECORD_SYNCED_AT_KEY)) !== "string") await sync();
        return inner.execute(ops);
      },
    };
  }

  const stored = await ctx.stores.settings.get(RECORD_SITE_KEY);
  switchSite(typeof stored === "string" && stored ? stored : config.defaultSite);

  let running: Promise<void> | null = null;
  const sync = (): Promise<void> => {
    running ??= (async () => {
      try {
        const result = await service.sync();
        if (result.status === "synced") reach = { state: "ok", problem: null };
        if (result.changed > 0) ctx.recordChanged.notify();
        if (result.queuedLegacy > 0) ctx.outbox.drainSoon();
      } catch (error) {
        reach = { state: "failed", problem: toMatterlineError(error).message };
      } finally {
        running = null;
        notify();
      }
    })();
    return running;
  };

  // Nothing reaches the site before the record is first used (see RecordCapability.use): the first use syncs (which
  // also uploads, once, what this device logged before the record) and keeps the local copy fresh from then on.
  let inUse = false;
  const keepFresh = (): boolean => {
    if (inUse) return false;
    inUse = true;
    if (typeof window !== "undefined") {
      setInterval(() => void sync(), SYNC_EVERY_MS);
      window.addEventListener("online", () => void sync());
    }
    return true;
  };
  const use = (): void => {
    if (keepFresh()) void sync();
  };

  // Writes that reached the record change the local copy: tell the UI, and take the record's other news with them.
  ctx.outbox.onDrained((result) => {
    if (result.done.some((op) => op.kind === RECORD_KIND || op.kind === RECORD_FILE_KIND) || result.failed > 0) {
      ctx.recordChanged.notify();
      // The items just written queue their stored messages: those go in the next drain, right away.
      if (result.done.some((op) => op.kind === RECORD_KIND)) ctx.outbox.drainSoon();
      keepFresh();
      void sync();
    }
    notify();
  });

  async function status(): Promise<RecordStatus> {
    const [ops, synced, options] = await Promise.all([
      ctx.stores.outbox.list(),
      ctx.stores.settings.get(RECORD_SYNCED_AT_KEY),
      service.options(),
    ]);
    const { waiting, refused } = filingCounts(ops);
    return {
      site,
      reach: reach.state,
      problem: site ? reach.problem : null,
      lastSyncedAt: typeof synced === "string" ? synced : null,
      waiting,
      refused,
      syncing: running !== null,
      attachments: options.attachments,
    };
  }

  return {
    status,
    use,
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async syncNow() {
      keepFresh();
      // "Sync now" means now: work waiting out a backoff (say, after being offline) is tried at once.
      const nowIso = ctx.now().toISOString();
      for (const op of await ctx.stores.outbox.list())
        if (op.status === "pending" && op.nextAttemptAt !== null && op.nextAttemptAt > nowIso)
          await ctx.stores.outbox.enqueue({ ...op, nextAttemptAt: nowIso });
      await ctx.outbox.drainNow().catch(() => undefined);
      await sync();
      return status();
    },
    async saveSite(url) {
      const next = url === null || !url.trim() ? null : checkSite(url);
      if (next) await ctx.stores.settings.set(RECORD_SITE_KEY, next);
      else await ctx.stores.settings.remove(RECORD_SITE_KEY);
      if (next !== site) {
        // Another site is another record: this device syncs it from the start.
        await ctx.stores.settings.remove("record.cursor");
        switchSite(next);
      }
      if (record) await sync();
      notify();
      return status();
    },
  };
}
