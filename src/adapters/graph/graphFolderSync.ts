import type { FolderSyncPage, MailFolderSync, SyncedMessage } from "@ports/mailFolderSync";
import type { GraphClient } from "./graphClient";
import { mailboxPath } from "./mailboxPath";
import { SELECT_HEADERS, SELECT_WITH_BODY, toMailMessage, type GraphMessageDto } from "./graphMessageMapper";
import { PAGE_SIZE, TEXT_BODY_PREFER } from "./graphMessageReader";
import type { GraphPage } from "./graphTypes";
import { EXPAND_SCAN_PROPERTIES } from "./matterProperty";

type DeltaPage = GraphPage<GraphMessageDto>;

/**
 * MailFolderSync over Graph delta queries (`/mailFolders/{id}/messages/delta`, filter only `receivedDateTime ge`), with
 * our MatterId and NoReplyNeeded properties expanded (the nextLink and deltaLink keep the expansion).
 * Pages of 1,000 through `Prefer: odata.maxpagesize`; the cursors are Graph's own nextLink/deltaLink.
 */
export function createGraphFolderSync(graph: GraphClient): MailFolderSync {
  function headers(includeBody: boolean | undefined): Record<string, string> {
    return { Prefer: includeBody ? `odata.maxpagesize=${PAGE_SIZE}, ${TEXT_BODY_PREFER}` : `odata.maxpagesize=${PAGE_SIZE}` };
  }
  async function page(path: string, includeBody: boolean | undefined): Promise<FolderSyncPage> {
    const res = await graph.call<DeltaPage>({ method: "GET", path, headers: headers(includeBody) });
    const messages: SyncedMessage[] = [];
    const removedIds: string[] = [];
    for (const m of res.value ?? []) {
      if (m["@removed"]) removedIds.push(m.id);
      else messages.push({ graphId: m.id, message: toMailMessage(m) });
    }
    return { messages, removedIds, nextCursor: res["@odata.nextLink"] ?? null, deltaCursor: res["@odata.deltaLink"] ?? null };
  }
  return {
    start(mailbox, folder, since, options = {}) {
      const select = (options.includeBody ? SELECT_WITH_BODY : SELECT_HEADERS).join(",");
      return page(
        `${mailboxPath(mailbox)}/mailFolders/${folder}/messages/delta?$select=${select}&$filter=${encodeURIComponent(`receivedDateTime ge ${since}`)}&$expand=${encodeURIComponent(EXPAND_SCAN_PROPERTIES)}`,
        options.includeBody,
      );
    },
    resume(cursor, options = {}) {
      return page(cursor, options.includeBody);
    },
  };
}
