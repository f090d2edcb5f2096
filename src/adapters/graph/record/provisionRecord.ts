import { MatterlineError } from "@domain/errors";
import type { GraphClient } from "../graphClient";
import type { ColumnDefinition, GraphPage, List, NewListBody, Site } from "../graphTypes";
import { statusOf } from "./graphMatterRecord";
import { OPTIONS_KEY, RECORD_COLUMNS, RECORD_LIBRARY, RECORD_LIST } from "./recordSchema";
import { optionsFields, optionsOf, type RecordItem } from "./recordFields";
import { odataString } from "../mailboxPath";
import type { RecordOptions } from "@domain/record/types";

/** What provisioning did, line by line, for the administrator to read. */
export interface ProvisionReport {
  readonly site: string;
  readonly actions: readonly string[];
  /** True when everything was already in place. */
  readonly unchanged: boolean;
  /** The firm's options as the record now holds them. */
  readonly options: RecordOptions;
}

/** Options to set; one left undefined keeps what the record holds (off when it holds nothing). */
export interface ProvisionOptions {
  readonly attachments?: boolean;
}

/** Scopes an administrator's token needs to create lists and columns on the site. */
export const PROVISION_SCOPES = ["Sites.Manage.All"];

/**
 * Creates the matter record on a site, or checks it and completes what is missing: the list with every column,
 * the indexes (matter, client, conversation, internetMessageId), the unique constraint on internetMessageId, and
 * the document library. Idempotent: a second run changes nothing and says so.
 * learn.microsoft.com/graph/api/list-create, learn.microsoft.com/graph/api/list-post-columns,
 * learn.microsoft.com/graph/api/columndefinition-update
 */
export async function provisionRecord(
  graph: GraphClient,
  siteUrl: string,
  scopes: readonly string[] = PROVISION_SCOPES,
  wanted: ProvisionOptions = {},
): Promise<ProvisionReport> {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new MatterlineError(
      "invalid-input",
      `"${siteUrl}" is not a site address. Use one like https://<your firm>.sharepoint.com/sites/Matters.`,
    );
  }
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, "");
  const call = <T>(c: Parameters<GraphClient["call"]>[0]) => graph.call<T>({ scopes, ...c });
  let site: Site;
  try {
    site = await call<Site>({ method: "GET", path: `/sites/${url.hostname}:${path.split("/").map(encodeURIComponent).join("/")}` });
  } catch (e) {
    if (statusOf(e) === 404)
      throw new MatterlineError("invalid-input", `No SharePoint site at ${siteUrl}. Create it first, then run this again.`);
    throw e;
  }
  const siteId = site.id!;
  const actions: string[] = [];
  const lists =
    (await call<GraphPage<List>>({ method: "GET", path: `/sites/${siteId}/lists?$select=id,displayName,list&$top=500` })).value ?? [];
  const find = (name: string) => lists.find((l) => (l.displayName ?? "").toLowerCase() === name.toLowerCase());

  const list = find(RECORD_LIST);
  let listId = list?.id ?? "";
  if (!list?.id) {
    const body: NewListBody = { displayName: RECORD_LIST, columns: [...RECORD_COLUMNS], list: { template: "genericList" } };
    listId = (await call<List>({ method: "POST", path: `/sites/${siteId}/lists`, body })).id!;
    actions.push(`Created the list "${RECORD_LIST}" with ${RECORD_COLUMNS.length} columns.`);
    for (const c of RECORD_COLUMNS) {
      if (c.indexed) actions.push(`  indexed ${c.name}${c.enforceUniqueValues ? " (unique values enforced)" : ""}`);
    }
  } else {
    const existing =
      (await call<GraphPage<ColumnDefinition>>({ method: "GET", path: `/sites/${siteId}/lists/${list.id}/columns` })).value ?? [];
    for (const wanted of RECORD_COLUMNS) {
      const have = existing.find((c) => c.name === wanted.name);
      if (!have) {
        await call<ColumnDefinition>({ method: "POST", path: `/sites/${siteId}/lists/${list.id}/columns`, body: wanted });
        actions.push(
          `Added the column ${wanted.name}${wanted.indexed ? " (indexed)" : ""}${wanted.enforceUniqueValues ? " with unique values enforced" : ""}.`,
        );
        continue;
      }
      const patch: ColumnDefinition = {};
      if (wanted.indexed && !have.indexed) patch.indexed = true;
      if (wanted.enforceUniqueValues && !have.enforceUniqueValues) patch.enforceUniqueValues = true;
      if (Object.keys(patch).length) {
        await call<ColumnDefinition>({ method: "PATCH", path: `/sites/${siteId}/lists/${list.id}/columns/${have.id!}`, body: patch });
        actions.push(
          `Column ${wanted.name}: ${[patch.indexed ? "indexed" : "", patch.enforceUniqueValues ? "unique values enforced" : ""].filter(Boolean).join(", ")}.`,
        );
      }
    }
  }

  if (!find(RECORD_LIBRARY)?.id) {
    const body: NewListBody = { displayName: RECORD_LIBRARY, list: { template: "documentLibrary" } };
    await call<List>({ method: "POST", path: `/sites/${siteId}/lists`, body });
    actions.push(`Created the document library "${RECORD_LIBRARY}" (a folder per matter is made when its first email is filed).`);
  }
  const options = await provisionOptions(call, `/sites/${siteId}/lists/${listId}/items`, wanted, actions);
  return {
    site: siteUrl,
    actions: actions.length ? actions : ["Everything was already in place; nothing changed."],
    unchanged: actions.length === 0,
    options,
  };
}

/**
 * The firm's options live in one item of the list (see OPTIONS_KEY): every pane reads them with its next sync. Sets
 * what was asked, creating the item the first time, and changes nothing when the record already says so.
 * learn.microsoft.com/graph/api/listitem-create, learn.microsoft.com/graph/api/listitem-update
 */
async function provisionOptions(
  call: <T>(c: Parameters<GraphClient["call"]>[0]) => Promise<T>,
  items: string,
  wanted: ProvisionOptions,
  actions: string[],
): Promise<RecordOptions> {
  // The key column is indexed, so this filter is allowed on a list of any size.
  const filter = encodeURIComponent(`fields/InternetMessageId eq ${odataString(OPTIONS_KEY)}`);
  const found = (await call<GraphPage<RecordItem>>({ method: "GET", path: `${items}?$expand=fields&$top=1&$filter=${filter}` })).value?.[0];
  const current: RecordOptions = (found && optionsOf(found)) ?? { attachments: false };
  if (wanted.attachments === undefined || wanted.attachments === current.attachments) return current;
  const next: RecordOptions = { ...current, attachments: wanted.attachments };
  if (found?.id) await call<unknown>({ method: "PATCH", path: `${items}/${found.id}/fields`, body: optionsFields(next) });
  else await call<unknown>({ method: "POST", path: items, body: { fields: optionsFields(next) } });
  actions.push(
    next.attachments
      ? "Turned on: each filing also stores the email's attachments beside its .eml."
      : "Turned off: filings store the .eml only (attachments already stored stay).",
  );
  return next;
}
