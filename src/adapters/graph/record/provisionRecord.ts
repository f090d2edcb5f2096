import { MatterlineError } from "@domain/errors";
import type { GraphClient } from "../graphClient";
import type { ColumnDefinition, GraphPage, List, NewListBody, Site } from "../graphTypes";
import { statusOf } from "./graphMatterRecord";
import { RECORD_COLUMNS, RECORD_LIBRARY, RECORD_LIST } from "./recordSchema";

/** What provisioning did, line by line, for the administrator to read. */
export interface ProvisionReport {
  readonly site: string;
  readonly actions: readonly string[];
  /** True when everything was already in place. */
  readonly unchanged: boolean;
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
  if (!list?.id) {
    const body: NewListBody = { displayName: RECORD_LIST, columns: [...RECORD_COLUMNS], list: { template: "genericList" } };
    await call<List>({ method: "POST", path: `/sites/${siteId}/lists`, body });
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
  return {
    site: siteUrl,
    actions: actions.length ? actions : ["Everything was already in place; nothing changed."],
    unchanged: actions.length === 0,
  };
}
