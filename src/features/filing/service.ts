import type { LoadedDirectory } from "@domain/directory/directoryProvider";
import { searchMatters } from "@domain/directory/directoryIndex";
import { matterLabel } from "@domain/directory/matterLabel";
import { personName } from "@domain/directory/personName";
import { MatterlineError, noDirectoryError } from "@domain/errors";
import type { LogStatus, MatterLog } from "@domain/matterLog/matterLog";
import { categoryFor } from "@domain/matterLog/categoryName";
import type { TimeEntry } from "@domain/matterLog/types";
import type { MailMessage } from "@domain/model/mail";
import type { SettingsStore } from "@ports/settingsStore";
import { autoLogDecision, filingSettingsFrom, wasUndone, type AutoLogDecision, type FilingSettings } from "./autoLog";
import type { PaneRecognition, PaneRecognizer } from "@domain/recognition/paneRecognition";

/** A matter as the pane shows it: its label, client, status and mailbox category. */
export interface NamedMatter {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  /** The matter's name for the user ("2024-0012 Hollis lease", `matterLabel`). */
  readonly label: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly status: "open" | "closed";
  /** The mailbox category the matter's mail gets, and its preset colour ("preset7"). */
  readonly category: string;
  readonly categoryColor: string;
}

/** Everything the "This email" section shows about filing one message. */
export interface FilingView {
  readonly pane: PaneRecognition;
  /** Labels of every matter the view mentions (candidates, logged, audit trail, thread). */
  readonly matters: Readonly<Record<string, NamedMatter>>;
  readonly clientName: string | null;
  readonly autoLog: AutoLogDecision;
  /** True when this very call logged the message automatically. */
  readonly autoLogged: boolean;
  /** False without Mailbox 1.8 categories or Graph: the log is kept locally and the mailbox copy waits. */
  readonly categoriesSupported: boolean;
  /** Who filed or moved it, by address: "you", a name from the directory, or the address when nobody has it. */
  readonly people: Readonly<Record<string, string>>;
}

export interface FilingServiceDeps {
  directory(): Promise<LoadedDirectory | null>;
  matterLog(): Promise<MatterLog | null>;
  /** The pane's one recognizer (hosts/context.ts), so filing names the same matter as every other feature. */
  readonly recognizer: PaneRecognizer;
  readonly settings: SettingsStore;
  /** The signed-in user's address (who logs). */
  readonly me: string;
  now(): Date;
  /** Called after every write that queued mailbox work (the pane asks the outbox to drain soon). */
  afterWrite(): void;
  readonly categoriesSupported: boolean;
}

export interface LogOptions {
  readonly timeEntry?: TimeEntry | null;
  readonly source?: "manual" | "auto" | "send" | "bulk";
  /** Graph id of the message when known, so the mirror skips the lookup by Internet message id. */
  readonly graphId?: string | null;
}

export const FILING_SETTINGS_KEY = "filing.settings";

/** The filing feature's app logic: recognize (and auto-log when allowed), log, undo, retry the mirror, search matters. */
export function createFilingService(deps: FilingServiceDeps) {
  async function loaded(): Promise<LoadedDirectory> {
    const d = await deps.directory();
    if (!d) throw noDirectoryError();
    return d;
  }
  async function matterLog(): Promise<MatterLog> {
    const l = await deps.matterLog();
    if (!l) throw noDirectoryError();
    return l;
  }

  function label(d: LoadedDirectory, id: string): NamedMatter | null {
    const m = d.index.matterById.get(id);
    if (!m) return null;
    const client = d.index.clientById.get(m.clientId) ?? null;
    const category = categoryFor(m, client);
    return {
      id,
      number: m.number,
      title: m.title,
      label: matterLabel(m),
      clientId: m.clientId,
      clientName: client?.name ?? m.clientId,
      status: m.status,
      category: category.name,
      categoryColor: category.color,
    };
  }

  function viewOf(d: LoadedDirectory, pane: PaneRecognition, autoLog: AutoLogDecision, autoLogged: boolean): FilingView {
    const ids = new Set<string>([
      ...pane.recognition.candidates.map((c) => c.matterId),
      ...pane.localThreadMatterIds,
      ...pane.mailbox.threadMatterIds,
      ...pane.audit.flatMap((a) => [a.fromMatterId, a.toMatterId].filter((x): x is string => !!x)),
    ]);
    if (pane.recognition.matterId) ids.add(pane.recognition.matterId);
    if (pane.logged) ids.add(pane.logged.entry.matterId);
    if (pane.mailbox.selfMatterId) ids.add(pane.mailbox.selfMatterId);
    if (pane.mailbox.categoryHint) ids.add(pane.mailbox.categoryHint);
    const matters: Record<string, NamedMatter> = {};
    for (const id of ids) {
      const l = label(d, id);
      if (l) matters[id] = l;
    }
    const clientId = pane.recognition.clientId;
    const clientName = clientId ? (d.index.clientById.get(clientId)?.name ?? clientId) : null;
    const people: Record<string, string> = {};
    for (const by of [pane.logged?.entry.loggedBy, ...pane.audit.map((a) => a.by)])
      if (by) people[by] = personName(d.directory, by, deps.me);
    return { pane, matters, clientName, autoLog, autoLogged, categoriesSupported: deps.categoriesSupported, people };
  }

  async function settings(): Promise<FilingSettings> {
    return filingSettingsFrom(await deps.settings.get(FILING_SETTINGS_KEY));
  }

  function recognizeWith(message: MailMessage, useMailbox: boolean): Promise<PaneRecognition> {
    return deps.recognizer.recognize(message, { useMailbox });
  }

  async function doLog(message: MailMessage, matterId: string, options: LogOptions): Promise<LogStatus> {
    const log = await matterLog();
    const result = await log.log({
      message,
      matterId,
      by: deps.me,
      now: deps.now(),
      source: options.source ?? "manual",
      timeEntry: options.timeEntry,
      graphId: options.graphId ?? null,
    });
    if (result.status !== "unchanged" && result.status !== "updated") deps.afterWrite();
    return result.status;
  }

  return {
    /**
     * Recognizes the message. `useMailbox: false` gives a fast local first answer; the full pass reads the mailbox and,
     * when the setting is on and the rules allow, logs the message automatically (read mode only: a draft has no id).
     */
    async recognize(
      message: MailMessage,
      options: { useMailbox?: boolean; allowAutoLog?: boolean; graphId?: string | null; sentToMatter?: string | null } = {},
    ): Promise<FilingView> {
      const d = await loaded();
      const useMailbox = options.useMailbox ?? true;
      let pane = await recognizeWith(message, useMailbox);
      // The sent copy of mail sent with "log on send": filed the moment the pane sees it, unless someone took it off since.
      const sentTo = options.sentToMatter;
      if (sentTo && message.internetMessageId && !pane.logged && !wasUndone(pane.audit) && d.index.matterById.has(sentTo)) {
        await doLog(message, sentTo, { source: "send", graphId: options.graphId ?? pane.mailbox.graphId });
        pane = await recognizeWith(message, false).then((local) => ({ ...local, mailbox: pane.mailbox }));
        return viewOf(d, pane, { log: false, why: "logged" }, false);
      }
      const decision = autoLogDecision(message, pane, d.index, await settings());
      if (decision.log && options.allowAutoLog && useMailbox) {
        await doLog(message, decision.matterId, { source: "auto", graphId: options.graphId ?? pane.mailbox.graphId });
        pane = await recognizeWith(message, false).then((local) => ({ ...local, mailbox: pane.mailbox }));
        return viewOf(d, pane, decision, true);
      }
      return viewOf(d, pane, decision, false);
    },

    /** Logs the message to a matter (idempotent) and returns the refreshed view. */
    async log(message: MailMessage, matterId: string, options: LogOptions = {}): Promise<{ status: LogStatus; view: FilingView }> {
      const status = await doLog(message, matterId, options);
      const d = await loaded();
      const pane = await recognizeWith(message, false);
      return { status, view: viewOf(d, pane, { log: false, why: "logged" }, false) };
    },

    /** Takes the message off the log (the undo of an automatic filing, or a wrong one). */
    async unlog(message: MailMessage): Promise<FilingView> {
      const imid = message.internetMessageId;
      if (!imid) throw new MatterlineError("invalid-input", "This email has no Internet message id, so it cannot be in the log.");
      await (await matterLog()).unlog({ internetMessageId: imid, by: deps.me, now: deps.now() });
      deps.afterWrite();
      const d = await loaded();
      const pane = await recognizeWith(message, false);
      return viewOf(d, pane, { log: false, why: "undone" }, false);
    },

    /** Queues the mailbox copy again (after "failed: retry"). */
    async retryMirror(message: MailMessage): Promise<void> {
      if (!message.internetMessageId) return;
      await (await matterLog()).remirror(message.internetMessageId, deps.now());
      deps.afterWrite();
    },

    /** Fuzzy search over number, alias, title and client (open matters first on ties). */
    async searchMatters(query: string, limit = 8): Promise<NamedMatter[]> {
      const d = await loaded();
      return searchMatters(d.index, query, limit)
        .map((hit) => label(d, hit.matter.id))
        .filter((l): l is NamedMatter => l !== null);
    },

    settings,
    async saveSettings(next: FilingSettings): Promise<void> {
      await deps.settings.set(FILING_SETTINGS_KEY, { ...next });
    },
  };
}

/** The filing service's API, as the pane builder hands it on. */
export type FilingService = ReturnType<typeof createFilingService>;
