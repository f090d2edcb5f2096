import type { PaneContext } from "@hosts/context";
import { TIMELINE_PAGE, type MattersCapability, type MatterView } from "./api";
import { MatterlineError, noDirectoryError } from "@domain/errors";
import type { MailMessage } from "@domain/model/mail";
import { exportCsv, exportJson, type MatterLog } from "@domain/matterLog";
import { searchMatters } from "@domain/directory/directoryIndex";
import { OVERDUE_SETTINGS_KEY, readOverdueSettings } from "@domain/clock/overdueSettings";
import {
  SHARED_DIRECTORY_URL_KEY,
  addClientContact,
  buildTimeline,
  importDirectoryFiles,
  loadUntaggedQueue,
  logBulk,
  prepareBulk,
  refreshSharedDirectory,
  saveSharedDirectoryUrl,
  summarizeDirectory,
  MAX_BULK,
} from "./service";
import { createOfficeSelectedItems } from "@adapters/office";
import { createGraphDirectoryFileReader, createGraphMessageReader } from "@adapters/graph";
import { matterLabel } from "@domain/directory/matterLabel";

/** Builds the matters capability from the pane's adapters. */
export function buildMatters(ctx: PaneContext): MattersCapability {
  const loadedOrFail = async () => {
    const loaded = await ctx.directory.current();
    if (!loaded) throw noDirectoryError();
    return loaded;
  };
  const logOrFail = async (): Promise<MatterLog> => {
    const log = await ctx.matterLog();
    if (!log) throw noDirectoryError();
    return log;
  };
  const selected = createOfficeSelectedItems(ctx.office);
  const reader = createGraphMessageReader(ctx.graph);
  /** Reads the selected items through Graph (host ids turned into REST ids); the result gives each message or throws its error. */
  const readSelectionViaGraph = async (itemIds: readonly string[]): Promise<(itemId: string) => MailMessage> => {
    const restIdOf = new Map(itemIds.slice(0, MAX_BULK).map((id) => [id, ctx.support.toRestId(id)] as const));
    const found = await reader.readByIds(null, [...restIdOf.values()]);
    return (itemId) => {
      const restId = restIdOf.get(itemId);
      const m = restId === undefined ? undefined : found.get(restId);
      if (m instanceof MatterlineError) throw m;
      if (!m) throw new MatterlineError("not-found", "This email was not read from the mailbox.");
      return m;
    };
  };
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
    refreshFromShared: () =>
      refreshSharedDirectory({ provider: ctx.directory, reader: fileReader, settings: ctx.stores.settings }, ctx.now()),
    async search(query, limit) {
      return searchMatters((await loadedOrFail()).index, query, limit);
    },
    async clients() {
      return (await loadedOrFail()).directory.clients;
    },
    async openMatter(matterId, newest = TIMELINE_PAGE): Promise<MatterView> {
      const { index } = await loadedOrFail();
      const matter = index.matterById.get(matterId);
      if (!matter) throw new MatterlineError("not-found", `Matter ${matterId} is not in the firm directory.`);
      const people = new Map(index.directory.people.map((p) => [p.id, p]));
      // The newest entries are enough to time each of them: a reply is always newer than what it answers, so every
      // answer to a shown message is itself among those shown (matterTimeline.test.ts checks the two agree).
      const [{ entries, total }, settings] = await Promise.all([
        logOrFail().then((log) => log.newestForMatter(matterId, newest)),
        ctx.stores.settings.get(OVERDUE_SETTINGS_KEY).then(readOverdueSettings),
      ]);
      return {
        matter,
        client: index.clientById.get(matter.clientId),
        responsible: people.get(matter.responsible),
        team: (matter.team ?? []).map((id) => people.get(id)).filter((p) => p !== undefined),
        // The Overdue tab's own settings: the user's reply deadline and mode time the timeline too.
        timeline: buildTimeline(entries, { index, matter, settings, now: ctx.now() }),
        timelineTotal: total,
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
      return m ? matterLabel(m) : matterId;
    },
    bulk: {
      supported: ctx.support.supports("multi-select"),
      selection: () => selected.list(),
      onSelectionChanged: (l) => selected.onChanged(l),
      async prepare(refs, onProgress) {
        const read: MailMessage[] = [];
        // The pane's recognizer, with the mailbox's marks taken from the emails read: 100 emails cost no extra request.
        const recognize = await ctx.recognizer.forBatch(() => read);
        // Outlook before Mailbox 1.15 lists a selection but cannot open its items: read them all through Graph
        // in `$batch`es (five requests for 100 emails) before recognizing them one by one.
        const viaGraph = ctx.support.supports("load-item") ? null : await readSelectionViaGraph(refs.map((r) => r.itemId));
        const readOne = async (id: string) => {
          const m = viaGraph ? viaGraph(id) : await selected.read(id);
          read.push(m);
          return m;
        };
        return prepareBulk(refs, { read: readOne, recognize }, onProgress);
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
        // The window's own messages are the marks: one Graph listing for the whole queue.
        let window: readonly MailMessage[] = [];
        const recognize = await ctx.recognizer.forBatch(() => window);
        const listing = {
          listWindow: async (...args: Parameters<typeof reader.listWindow>) => (window = await reader.listWindow(...args)),
        };
        return loadUntaggedQueue({ reader: listing, log: await logOrFail(), recognize, index, now: ctx.now() });
      },
      async log(item, matterId) {
        const result = await (
          await logOrFail()
        ).log({
          message: item.message,
          matterId,
          by: ctx.me.email,
          now: ctx.now(),
          source: "manual",
          direction: item.recognition.direction,
        });
        ctx.outbox.drainSoon();
        return result;
      },
    },
  };
}
