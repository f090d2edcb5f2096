import type { PaneContext } from "../paneContext";
import type { MattersCapability, MatterView } from "../../ui/matters/mattersCapability";
import { MatterlineError } from "../../core/errors";
import type { MailMessage } from "../../core/model/mail";
import type { Recognition } from "../../core/recognition/types";
import { recognize } from "../../core/recognition/recognize";
import { filingHistoryFromSnapshot } from "../../core/matterLog/recognitionHistory";
import { exportCsv, exportJson, type MatterLog } from "../../core/matterLog";
import { searchMatters } from "../../core/directory/directoryIndex";
import {
  SHARED_DIRECTORY_URL_KEY, addClientContact, buildTimeline, importDirectoryFiles, loadUntaggedQueue, logBulk, prepareBulk,
  refreshSharedDirectory, saveSharedDirectoryUrl, summarizeDirectory,
} from "../../core/app/matters";
import { createOfficeSelectedItems } from "../../adapters/office";
import { createGraphDirectoryFileReader, createGraphMessageReader } from "../../adapters/graph";

/**
 * The one place recognition is chosen for bulk tagging and the queue. FILING's `recognizeForPane` (directory,
 * filing history, thread and mailbox marks) replaces the body once it lands; until then core `recognize` with the
 * stored filing history.
 */
async function paneRecognizer(ctx: PaneContext): Promise<(message: MailMessage) => Promise<Recognition>> {
  const loaded = await ctx.directory.current();
  if (!loaded) throw new MatterlineError("invalid-config", "Import the firm directory first.");
  // One history snapshot per batch: recognizing 100 emails must not read the whole history 100 times.
  const history = filingHistoryFromSnapshot(await ctx.stores.history.snapshot());
  return async (message) => recognize(message, { index: loaded.index, me: [ctx.me.email], history });
}

/** Builds the matters capability from the pane's adapters. */
export async function buildMatters(ctx: PaneContext): Promise<MattersCapability | undefined> {
  const loadedOrFail = async () => {
    const loaded = await ctx.directory.current();
    if (!loaded) throw new MatterlineError("invalid-config", "Import the firm directory first (Settings tab).");
    return loaded;
  };
  const logOrFail = async (): Promise<MatterLog> => {
    const log = await ctx.matterLog();
    if (!log) throw new MatterlineError("invalid-config", "Import the firm directory first (Settings tab).");
    return log;
  };
  const selected = createOfficeSelectedItems(ctx.office);
  const reader = createGraphMessageReader(ctx.graph);
  const fileReader = createGraphDirectoryFileReader(ctx.graph);

  return {
    async directory() {
      const loaded = await ctx.directory.current();
      return loaded ? summarizeDirectory(loaded) : null;
    },
    onDirectoryChanged: (listener) => ctx.directory.onChanged(() => listener()),
    importFiles: (files) => importDirectoryFiles(ctx.directory, files, ctx.now()),
    async sharedDirectoryUrl() {
      const v = await ctx.stores.settings.get(SHARED_DIRECTORY_URL_KEY);
      return typeof v === "string" ? v : null;
    },
    saveSharedDirectoryUrl: (url) => saveSharedDirectoryUrl(ctx.stores.settings, url),
    refreshFromShared: () => refreshSharedDirectory({ provider: ctx.directory, reader: fileReader, settings: ctx.stores.settings }, ctx.now()),
    async search(query, limit) {
      return searchMatters((await loadedOrFail()).index, query, limit);
    },
    async clients() {
      return (await loadedOrFail()).directory.clients;
    },
    async openMatter(matterId): Promise<MatterView> {
      const { index } = await loadedOrFail();
      const matter = index.matterById.get(matterId);
      if (!matter) throw new MatterlineError("not-found", `Matter ${matterId} is not in the firm directory.`);
      const people = new Map(index.directory.people.map((p) => [p.id, p]));
      const entries = await (await logOrFail()).entriesForMatter(matterId);
      return {
        matter,
        client: index.clientById.get(matter.clientId),
        responsible: people.get(matter.responsible),
        team: (matter.team ?? []).map((id) => people.get(id)).filter((p) => p !== undefined),
        timeline: buildTimeline(entries, { index, matter, now: ctx.now() }),
      };
    },
    async exportLog(matterId, format) {
      const { index } = await loadedOrFail();
      const number = index.matterById.get(matterId)?.number ?? matterId;
      const entries = await (await logOrFail()).entriesForMatter(matterId);
      const stem = `matter-${number.replace(/[^\w.-]+/g, "_")}-log`;
      return format === "csv"
        ? { filename: `${stem}.csv`, mimeType: "text/csv;charset=utf-8", text: exportCsv(entries) }
        : { filename: `${stem}.json`, mimeType: "application/json", text: exportJson(entries) };
    },
    async addContact(clientId, contact) {
      await addClientContact(ctx.directory, clientId, contact, ctx.now());
    },
    async matterLabel(matterId) {
      const m = (await ctx.directory.current())?.index.matterById.get(matterId);
      return m ? `${m.number} ${m.title}` : matterId;
    },
    bulk: {
      supported: ctx.support.supports("multi-select"),
      selection: () => selected.list(),
      onSelectionChanged: (l) => selected.onChanged(l),
      async prepare(refs, onProgress) {
        return prepareBulk(refs, { read: (id) => selected.read(id), recognize: await paneRecognizer(ctx), log: await logOrFail() }, onProgress);
      },
      async log(candidates, decision, onProgress) {
        const outcomes = await logBulk(candidates, decision, { log: await logOrFail(), by: ctx.me.email, now: ctx.now }, onProgress);
        ctx.outbox.drainSoon();
        return outcomes;
      },
    },
    queue: {
      async load() {
        const { index } = await loadedOrFail();
        return loadUntaggedQueue({ reader, log: await logOrFail(), recognize: await paneRecognizer(ctx), index, now: ctx.now() });
      },
      async log(item, matterId) {
        const result = await (await logOrFail()).log({ message: item.message, matterId, by: ctx.me.email, now: ctx.now(), source: "manual", direction: item.recognition.direction });
        ctx.outbox.drainSoon();
        return result;
      },
    },
  };
}
