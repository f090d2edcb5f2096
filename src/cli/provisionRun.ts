import { parseArgs } from "node:util";
import { createGraphClient, type FetchLike } from "@adapters/graph";
import { provisionRecord, PROVISION_SCOPES } from "@adapters/graph/record/provisionRecord";
import { toMatterlineError } from "@domain/errors";

/** What the command needs from outside: Graph's fetch and a token (so tests run it against the simulator). */
export interface ProvisionIo {
  readonly fetch?: FetchLike;
  /** An access token for Graph; default: the MATTERLINE_GRAPH_TOKEN environment variable. */
  readonly token?: string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

const USAGE = `Usage: npm run provision -- --site <site URL> [--attachments on|off]

Creates (or checks and completes) the firm's matter record on a SharePoint site: the list "Matter email log" with its
columns, indexes and unique constraint, and the document library "Matter email". Safe to run again.

--attachments on|off   the firm-wide option (off until turned on): each filing also stores the email's file
                       attachments beside its .eml. Every colleague's pane picks it up with its next sync.
                       Without it, the option stays as it is.

The Graph access token is read from MATTERLINE_GRAPH_TOKEN (never from the command line, which shells keep). It needs
Sites.Manage.All (or Sites.FullControl.All), e.g. for an administrator signed in with the Azure CLI:
  MATTERLINE_GRAPH_TOKEN=$(az account get-access-token --resource-type ms-graph --query accessToken -o tsv) \\
    npm run provision -- --site https://<your firm>.sharepoint.com/sites/Matters`;

/** Runs the command; returns the exit code. */
export async function runProvision(argv: readonly string[], io: ProvisionIo): Promise<number> {
  let site: string | undefined;
  let attachments: boolean | undefined;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { site: { type: "string" }, attachments: { type: "string" }, help: { type: "boolean" } },
      strict: true,
    });
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    site = values.site;
    if (values.attachments !== undefined) {
      const v = values.attachments.trim().toLowerCase();
      if (v !== "on" && v !== "off") throw new Error(`--attachments takes "on" or "off", not "${values.attachments}".`);
      attachments = v === "on";
    }
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  if (!site) {
    io.err(`--site is required.\n\n${USAGE}`);
    return 2;
  }
  const token = io.token ?? process.env.MATTERLINE_GRAPH_TOKEN ?? "";
  if (!token) {
    io.err(`No access token: set MATTERLINE_GRAPH_TOKEN.\n\n${USAGE}`);
    return 2;
  }
  const graph = createGraphClient({
    tokenProvider: { getToken: () => Promise.resolve(token) },
    fetchImpl: io.fetch,
    scopes: PROVISION_SCOPES,
  });
  try {
    const report = await provisionRecord(graph, site, PROVISION_SCOPES, attachments === undefined ? {} : { attachments });
    io.out(`Matter record on ${report.site}:`);
    for (const a of report.actions) io.out(`  ${a}`);
    io.out(`  Attachments beside each filed .eml: ${report.options.attachments ? "on" : "off"}.`);
    return 0;
  } catch (e) {
    io.err(`Could not set up the matter record on ${site}: ${toMatterlineError(e).message}`);
    return 1;
  }
}
