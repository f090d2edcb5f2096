import { MatterlineError } from "@domain/errors";
import type { MailMessage } from "@domain/model/mail";
import type { MessageMark, MessageReader, MessageWindow } from "@ports/messageReader";
import type { GraphClient } from "./graphClient";
import { mailboxPath, odataString } from "./mailboxPath";
import { EXPAND_MATTER_PROPERTY } from "./matterProperty";
import { SELECT_HEADERS, SELECT_WITH_BODY, matterIdOf, toMailMessage, type GraphMessageDto } from "./graphMessageMapper";
import type { GraphPage } from "./graphTypes";

type Page = GraphPage<GraphMessageDto>;

/** Graph's largest page: fewer round trips. */
export const PAGE_SIZE = 1000;
export const TEXT_BODY_PREFER = 'outlook.body-content-type="text"';

/**
 * Most pages one listing follows. A nextLink chain is Graph's to end; a faulty one (a link that repeats, a folder that
 * keeps growing) must not keep the pane reading forever. 100 pages of 1,000 is far beyond any window Matterline reads.
 */
export const MAX_PAGES = 100;

/** Follows `@odata.nextLink` to the end, at most `maxPages` pages; a chain longer than that is an error, never a silent cut. */
export async function followPages<T>(
  first: string,
  read: (path: string) => Promise<{ value?: T[]; "@odata.nextLink"?: string }>,
  maxPages = MAX_PAGES,
): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let path: string | undefined = first;
  for (let pages = 0; path; pages++) {
    if (pages >= maxPages || seen.has(path))
      throw new MatterlineError(
        "graph-error",
        `Microsoft 365 kept sending more pages (${pages} read, ${out.length} items); Matterline stopped reading this list.`,
      );
    seen.add(path);
    const page = await read(path);
    out.push(...(page.value ?? []));
    path = page["@odata.nextLink"];
  }
  return out;
}

/** Follows `@odata.nextLink` to the end (at most MAX_PAGES pages). */
export function readAllPages(graph: GraphClient, firstPath: string, headers?: Record<string, string>): Promise<GraphMessageDto[]> {
  return followPages<GraphMessageDto>(firstPath, (path) => graph.call<Page>({ method: "GET", path, headers }));
}

/** How much of each message `listConversation` reads. */
export interface ConversationReadOptions {
  /**
   * Only what marks need: ids, categories, the MatterId property (and the received time, to keep the order). No
   * bodies, no recipients: a long thread's bodies would dominate the payload when only its filings are wanted.
   * The messages come back with empty subject, addresses and body.
   */
  readonly marksOnly?: boolean;
}

/** Fields read for marks only (see ConversationReadOptions). */
export const SELECT_MARKS = ["internetMessageId", "conversationId", "receivedDateTime", "categories"];

/** The Graph MessageReader, whose conversation read can also skip bodies. */
export interface GraphMessageReader extends MessageReader {
  listConversation(mailbox: string | null, conversationId: string, options?: ConversationReadOptions): Promise<MailMessage[]>;
  /**
   * Reads messages by their Graph (REST) ids in `$batch`es of 20, bodies as text. Each id maps to its message or to
   * the error that step met (a deleted message, a failed batch): one bad id never fails the others.
   */
  readByIds(mailbox: string | null, ids: readonly string[]): Promise<Map<string, MailMessage | MatterlineError>>;
}

/** MessageReader over Graph: `$select` of only what is used, `$top=1000`, filters Graph can serve efficiently. */
export function createGraphMessageReader(graph: GraphClient): GraphMessageReader {
  return {
    async listWindow(w: MessageWindow, options = {}): Promise<MailMessage[]> {
      const select = (options.includeBody ? SELECT_WITH_BODY : SELECT_HEADERS).join(",");
      const clauses = [`receivedDateTime ge ${w.since}`];
      if (w.until) clauses.push(`receivedDateTime lt ${w.until}`);
      // receivedDateTime leads the filter, so ordering by it is allowed (else Graph answers InefficientFilter).
      const path = `${mailboxPath(w.mailbox)}/mailFolders/${encodeURIComponent(w.folder)}/messages?$select=${select}&$filter=${encodeURIComponent(clauses.join(" and "))}&$orderby=${encodeURIComponent("receivedDateTime desc")}&$expand=${encodeURIComponent(EXPAND_MATTER_PROPERTY)}&$top=${PAGE_SIZE}`;
      const rows = await readAllPages(graph, path, options.includeBody ? { Prefer: TEXT_BODY_PREFER } : undefined);
      return rows.map(toMailMessage);
    },

    async readMark(mailbox: string | null, internetMessageId: string): Promise<MessageMark | null> {
      const path = `${mailboxPath(mailbox)}/messages?$filter=${encodeURIComponent(`internetMessageId eq ${odataString(internetMessageId)}`)}&$select=id,categories&$expand=${encodeURIComponent(EXPAND_MATTER_PROPERTY)}&$top=5`;
      const page = await graph.call<Page>({ method: "GET", path });
      const m = page.value?.[0];
      if (!m) return null;
      return { graphId: m.id, matterId: matterIdOf(m), categories: m.categories ?? [] };
    },

    async listConversation(mailbox: string | null, conversationId: string, options: ConversationReadOptions = {}): Promise<MailMessage[]> {
      const select = options.marksOnly ? SELECT_MARKS : SELECT_WITH_BODY;
      // No $orderby: with a conversationId filter Graph would reject it (InefficientFilter); sort here instead.
      const path = `${mailboxPath(mailbox)}/messages?$filter=${encodeURIComponent(`conversationId eq ${odataString(conversationId)}`)}&$select=${select.join(",")}&$expand=${encodeURIComponent(EXPAND_MATTER_PROPERTY)}&$top=${PAGE_SIZE}`;
      const rows = await readAllPages(graph, path, options.marksOnly ? undefined : { Prefer: TEXT_BODY_PREFER });
      return rows.map(toMailMessage).sort((a, b) => (a.receivedAt ?? "").localeCompare(b.receivedAt ?? ""));
    },

    async readByIds(mailbox: string | null, ids: readonly string[]): Promise<Map<string, MailMessage | MatterlineError>> {
      const query = `$select=${SELECT_WITH_BODY.join(",")}&$expand=${encodeURIComponent(EXPAND_MATTER_PROPERTY)}`;
      const steps = ids.map((id, i) => ({
        id: String(i),
        method: "GET" as const,
        url: `${mailboxPath(mailbox)}/messages/${encodeURIComponent(id)}?${query}`,
        headers: { Prefer: TEXT_BODY_PREFER },
      }));
      const results = await graph.batch(steps);
      const out = new Map<string, MailMessage | MatterlineError>();
      ids.forEach((id, i) => {
        const r = results.get(String(i));
        if (!r || r.error || !r.body) out.set(id, r?.error ?? new MatterlineError("graph-error", "Graph did not return this message."));
        else out.set(id, toMailMessage(r.body as GraphMessageDto));
      });
      return out;
    },
  };
}
