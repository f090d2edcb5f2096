import type { Directory } from "@domain/directory/types";
import type { HostSupport } from "@ports/hostSupport";
import type { TokenProvider } from "@ports/tokenProvider";
import { createDirectoryProvider, type DirectoryProvider } from "@domain/directory/directoryProvider";
import { createOfficeHostSupport, type OfficeNamespace } from "@adapters/office";
import {
  createGraphClient,
  createGraphMailboxMarks,
  createGraphMailboxMirror,
  createNetworkWatch,
  type GraphClient,
} from "@adapters/graph";
import { createPaneRecognizer, type PaneRecognizer } from "@domain/recognition/paneRecognition";
import { MatterLog, categoryResolver } from "@domain/matterLog";
import { createOutboxRunner, type OutboxRunner } from "@hosts/outboxRunner";
import { openAccountDb, idbStores, type MatterlineDb } from "@adapters/storage";
import { paneClock, type HostEnvironment } from "@hosts/hostEnvironment";
import { authConfig, graphEndpoint } from "@hosts/authConfig";
import { createSignInGate } from "@adapters/auth/signInGate";
import type { SignInControl } from "@ports/signIn";
import { GraphScopes } from "@ports/tokenProvider";
import { paneZoneOf } from "@domain/time/mailboxZone";

/** What every feature builder gets: the outside world, already adapted. Only wire.ts files and the hosts see it. */
export interface PaneContext {
  readonly office: OfficeNamespace;
  readonly host: HostEnvironment | undefined;
  readonly support: HostSupport;
  readonly now: () => Date;
  /** The signed-in user (the mailbox owner). */
  readonly me: { readonly email: string; readonly name: string };
  /** The mailbox's time zone (IANA), from Outlook's user profile; null when Outlook names none this engine knows. */
  readonly mailboxTimeZone: string | null;
  readonly db: MatterlineDb;
  readonly stores: ReturnType<typeof idbStores>;
  readonly graph: GraphClient;
  /** Silent only: every request the pane makes goes through it; a person signs in only from the sign-in bar. */
  readonly tokens: TokenProvider;
  /** The one "Sign in to continue" bar's state and button. */
  readonly signIn: SignInControl;
  readonly directory: DirectoryProvider;
  /** The persistent outbox shared by every feature (mirror writes, events, …). */
  readonly outbox: OutboxRunner;
  /**
   * Recognition with every piece of evidence the pane has (directory, filing history, local log, the mailbox's marks),
   * configured once here so filing, replies, follow-ups and the matters' bulk tagging and queue agree on each email.
   */
  readonly recognizer: PaneRecognizer;
  /** The matter log for the current directory (rebuilt when an import replaces it). Null before any directory. */
  matterLog(): Promise<MatterLog | null>;
  /** Says when the local copy of the shared matter record changed (a sync or a write), so views re-read it. */
  readonly recordChanged: ChangeHub;
}

/** A tiny event hub: `notify()` calls every listener; `subscribe` returns its unsubscribe. */
export interface ChangeHub {
  notify(): void;
  subscribe(listener: () => void): () => void;
}

function changeHub(): ChangeHub {
  const listeners = new Set<() => void>();
  return {
    notify: () => listeners.forEach((l) => l()),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * MSAL in Outlook, loaded only when a feature first asks for a token (it is large and most views never need it).
 * Tokens are for the mailbox's own user only (its address is the login hint and the account checked).
 */
function msalTokens(office: OfficeNamespace, mailboxUser: string): TokenProvider {
  let provider: Promise<TokenProvider> | null = null;
  return {
    getToken(scopes, options) {
      provider ??= import("@adapters/auth").then((auth) =>
        auth.createMsalTokenProvider(authConfig(), { officeContext: office.context as never, origin: window.location.origin, mailboxUser }),
      );
      return provider.then((p) => p.getToken(scopes, options));
    },
  };
}

export async function createPaneContext(office: OfficeNamespace, host: HostEnvironment | undefined): Promise<PaneContext> {
  const profile = office.context.mailbox.userProfile;
  const me = host?.user ?? { email: profile.emailAddress.toLowerCase(), name: profile.displayName };
  // Each signed-in account keeps its own local copy, log, settings and outbox.
  const db = await openAccountDb(me.email);
  const stores = idbStores(db);
  // Background work (the outbox, the scan, the record's sync) and everything else the pane does by itself asks only
  // silently; the sign-in bar's button is the one place a sign-in window opens.
  const gate = createSignInGate(
    host ? { getToken: (scopes) => host.getToken(scopes) } : msalTokens(office, profile.emailAddress),
    GraphScopes.mail,
  );
  const tokens = gate.tokens;
  const seed: { directory: Directory; importedAt: string } | undefined = host?.initialDirectory
    ? { directory: host.initialDirectory, importedAt: paneClock(host)().toISOString() }
    : undefined;
  // A host page (the workbench) brings its own Graph, the simulator, at the global service's address. Graph's own
  // requests tell when Microsoft 365 is out of reach and when it is back (see networkWatch.ts).
  const network = createNetworkWatch(host?.graphFetch);
  const graph = createGraphClient({ tokenProvider: tokens, fetchImpl: network.fetch, baseUrl: host ? undefined : graphEndpoint() });
  const now = paneClock(host);
  const directory = createDirectoryProvider(stores.directory, seed);
  const outbox = createOutboxRunner(stores.outbox, createGraphMailboxMirror(graph), now, {
    network,
    // The smallest read there is: one message id. Sent only while the network is down, every few seconds.
    probe: () => graph.call({ method: "GET", path: "/me/messages?$top=1&$select=id", quick: true }),
  });
  let log: { importedAt: string; log: MatterLog } | null = null;
  const matterLog = async (): Promise<MatterLog | null> => {
    const loaded = await directory.current();
    if (!loaded) return null;
    if (log?.importedAt !== loaded.importedAt) {
      const resolve = categoryResolver(loaded.directory);
      log = {
        importedAt: loaded.importedAt,
        log: new MatterLog({
          log: stores.log,
          history: stores.history,
          outbox: stores.outbox,
          categoryFor: resolve,
          firmDomains: loaded.directory.firm.domains,
        }),
      };
    }
    return log.log;
  };
  const recognizer = createPaneRecognizer({
    directory: () => directory.current(),
    me: [me.email],
    history: stores.history,
    log: stores.log,
    outbox: stores.outbox,
    record: stores.record,
    mailbox: createGraphMailboxMarks(graph),
    now,
    // The language reading is loaded when recognition first needs it, not with the pane.
    newWork: (message, fromFirm) => import("@domain/language/newWork").then((l) => l.newWorkOf(message, fromFirm)),
  });
  // What the mirror confirmed goes back onto the log entries: the mailbox's mark (so "in the mailbox" is shown from
  // evidence) and the Graph ids learned (so later writes skip the lookup).
  outbox.recordDrained(async (result) => (await matterLog())?.recordMirrored(result, now()));
  // Signed in again: what waited in the outbox goes at once.
  gate.subscribe(() => {
    if (gate.state().status === "ok") outbox.drainSoon();
  });
  return {
    office,
    host,
    support: createOfficeHostSupport(office),
    now,
    me,
    mailboxTimeZone: paneZoneOf(profile.timeZone),
    db,
    stores,
    graph,
    tokens,
    signIn: gate,
    directory,
    outbox,
    recognizer,
    matterLog,
    recordChanged: changeHub(),
  };
}
