import { createGraphSimulator, type GraphSimulator, type SeedAttachment } from "@simulators/graph/index";
import { createGraphClient, createGraphMailboxMirror, type GraphClient, type GraphClientOptions } from "@adapters/graph";
import { createGraphMatterRecord, type RecordIdCache } from "@adapters/graph/record/graphMatterRecord";
import { provisionRecord } from "@adapters/graph/record/provisionRecord";
import {
  MemoryDirectoryStore,
  MemoryFilingHistoryStore,
  MemoryLocalRecordStore,
  MemoryMatterLogStore,
  MemoryOutboxStore,
  MemorySettingsStore,
} from "@adapters/storage/memoryStores";
import { createDirectoryProvider, type LoadedDirectory } from "@domain/directory/directoryProvider";
import { MatterLog, categoryResolver } from "@domain/matterLog";
import { drainOutbox, mirrorExecutor, unmirrorExecutor, type DrainResult } from "@domain/outbox";
import type { MailMessage } from "@domain/model/mail";
import { createRecordService, type RecordService } from "@features/record/service";
import { RECORD_FILE_KIND, RECORD_KIND } from "@domain/record/types";
import { directory } from "../matters/fixtures";

export const HOST = "quill.sharepoint.example";
export const SITE = `https://${HOST}/sites/Matters`;
export const NOW = new Date("2026-03-02T10:00:00Z");

/** One person's pane: their own stores (their IndexedDB), their mailbox, the firm's one record. */
export interface Device {
  readonly upn: string;
  readonly graph: GraphClient;
  readonly log: MemoryMatterLogStore;
  readonly history: MemoryFilingHistoryStore;
  readonly outbox: MemoryOutboxStore;
  readonly settings: MemorySettingsStore;
  readonly local: MemoryLocalRecordStore;
  readonly matterLog: MatterLog;
  readonly service: RecordService;
  /** Sends everything queued (mailbox marks and record writes), as the pane's outbox does. */
  drain(): Promise<DrainResult>;
  /** One pass of the outbox only (the items; their stored messages are queued for the next pass). */
  drainOnce(): Promise<DrainResult>;
  file(message: MailMessage, matterId: string, tenths?: number): Promise<void>;
  unfile(message: MailMessage): Promise<void>;
}

export interface Firm {
  readonly sim: GraphSimulator;
  readonly loaded: LoadedDirectory;
  /** `ids`: where this device keeps the record's ids between pane starts (as the pane's IndexedDB does). */
  device(upn: string, options?: { ids?: RecordIdCache }): Device;
  /** Adds the same message to each person's mailbox (same Graph id in each). */
  deliver(message: MailMessage, ...upns: string[]): void;
  /** Same, with attachments. */
  deliverWith(message: MailMessage, attachments: readonly SeedAttachment[], ...upns: string[]): void;
}

/** A simulated firm with a provisioned record on one site. */
export async function firm(
  options: {
    latencyMs?: number;
    client?: Omit<Partial<GraphClientOptions>, "tokenProvider" | "fetchImpl">;
    /** The firm's option, as `npm run provision -- --attachments on|off` sets it (absent: never set, so off). */
    attachments?: boolean;
  } = {},
): Promise<Firm> {
  const sim = createGraphSimulator({ latencyMs: options.latencyMs ?? 0, clock: () => NOW.getTime() });
  sim.sharePoint.addSite(HOST, "/sites/Matters", "Matters");
  const admin = createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("admin") }, fetchImpl: sim.fetch });
  await provisionRecord(admin, SITE, undefined, options.attachments === undefined ? {} : { attachments: options.attachments });
  const provider = createDirectoryProvider(new MemoryDirectoryStore(), { directory, importedAt: NOW.toISOString() });
  const loaded = (await provider.current())!;
  const ids = new Map<string, string>();
  const deliverWith = (message: MailMessage, attachments: readonly SeedAttachment[], ...upns: string[]) => {
    const id = ids.get(message.internetMessageId!) ?? `AAMk-${ids.size + 1}`;
    ids.set(message.internetMessageId!, id);
    const addr = (a: { name?: string; email: string }) => ({ emailAddress: { name: a.name, address: a.email } });
    for (const upn of upns)
      sim.addMessage(
        upn,
        "inbox",
        {
          id,
          internetMessageId: message.internetMessageId!,
          conversationId: message.conversationId ?? undefined,
          subject: message.subject,
          from: message.from ? addr(message.from) : undefined,
          toRecipients: message.to.map(addr),
          receivedDateTime: message.receivedAt ?? NOW.toISOString(),
          body: { contentType: "text", content: message.bodyText },
        },
        { attachments },
      );
  };
  return {
    sim,
    loaded,
    deliver: (message, ...upns) => deliverWith(message, [], ...upns),
    deliverWith,
    device(upn, deviceOptions = {}) {
      // Requests are made as this person (the simulator's signed-in user follows whoever is calling).
      const graph = createGraphClient({
        tokenProvider: { getToken: () => Promise.resolve(`token:${upn}`) },
        fetchImpl: (input, init) => {
          sim.setSignedInUser(upn);
          return sim.fetch(input, init);
        },
        readRetryDelayMs: 0,
        ...options.client,
      });
      const log = new MemoryMatterLogStore();
      const history = new MemoryFilingHistoryStore();
      const outbox = new MemoryOutboxStore();
      const settings = new MemorySettingsStore();
      const local = new MemoryLocalRecordStore(log, history);
      const matterLog = new MatterLog({
        log,
        history,
        outbox,
        categoryFor: categoryResolver(directory),
        firmDomains: directory.firm.domains,
      });
      const record = createGraphMatterRecord(graph, { siteUrl: SITE, ids: deviceOptions.ids });
      const service = createRecordService({
        record: () => Promise.resolve(record),
        local,
        log,
        outbox,
        settings,
        directory: () => Promise.resolve(loaded),
        me: upn,
        now: () => NOW,
      });
      const mirror = createGraphMailboxMirror(graph);
      // Each drain runs later than the last, so work rescheduled after a failure is due again.
      let drains = 0;
      const executors = {
        mirror: mirrorExecutor(mirror),
        unmirror: unmirrorExecutor(mirror),
        [RECORD_KIND]: service.executor(),
        [RECORD_FILE_KIND]: service.fileExecutor(),
      };
      // As the pane does: the items written queue their stored messages, which the drain right after sends.
      const drain = async (): Promise<DrainResult> => {
        const now = new Date(NOW.getTime() + ++drains * 2 * 3600_000);
        const first = await drainOutbox({ store: outbox, executors, now });
        if (!first.done.some((op) => op.kind === RECORD_KIND)) return first;
        const then = await drainOutbox({ store: outbox, executors, now });
        return {
          attempted: first.attempted + then.attempted,
          succeeded: first.succeeded + then.succeeded,
          rescheduled: first.rescheduled + then.rescheduled,
          failed: first.failed + then.failed,
          done: [...first.done, ...then.done],
          graphIds: { ...first.graphIds, ...then.graphIds },
        };
      };
      return {
        upn,
        graph,
        log,
        history,
        outbox,
        settings,
        local,
        matterLog,
        service,
        drain,
        drainOnce: () => drainOutbox({ store: outbox, executors, now: new Date(NOW.getTime() + ++drains * 2 * 3600_000) }),
        async file(message, matterId, tenths) {
          await matterLog.log({
            message,
            matterId,
            by: upn,
            now: NOW,
            source: "manual",
            timeEntry: tenths ? { tenths, narrative: "Reviewed" } : undefined,
            graphId: null,
          });
        },
        async unfile(message) {
          await matterLog.unlog({ internetMessageId: message.internetMessageId!, by: upn, now: NOW });
        },
      };
    },
  };
}
