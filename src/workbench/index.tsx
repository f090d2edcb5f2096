import { createRoot } from "react-dom/client";
import { createGraphSimulator, graphMessageOf } from "@simulators/graph";
import { createOfficeFake, type FakeMailItem } from "@simulators/office";
import { loadSeed, servedFirmUrl } from "./seed";
import { htmlToText } from "@domain/text/htmlToText";
import { BRIDGE_KEY, type WorkbenchBridge } from "./bridge";
import { WorkbenchApp, outlookVersionOf, type FaultMode, type WorkbenchModel } from "./WorkbenchApp";
import type { WorkbenchMessage } from "./types";
import { toMailMessage } from "@adapters/graph";
import type { SurfaceState } from "./OutlookSurfaces";
import { createPendingSendLog } from "@adapters/office/pendingSendLog";
import { COMMAND_NAMES, registerCommands } from "@hosts/commands/registerCommands";
import { isComposeItem, messageFromComposeItem } from "@adapters/office/messageFromItem";
import { createHandlerSendCheck } from "@hosts/commands/sendCheck";
import { MatterlineError } from "@domain/errors";
import type { FakeCompletedOptions } from "@simulators/office";
import { createGraphClient } from "@adapters/graph";
import { provisionRecord } from "@adapters/graph/record/provisionRecord";
import { RECORD_LIBRARY, RECORD_LIST } from "@adapters/graph/record/recordSchema";
import type { HostEnvironment } from "@hosts/hostEnvironment";
import { findWindowsZone } from "@domain/time/windowsZones";
import { readFirmFiles, type PickedFile, type ServedFirm } from "./firmFiles";
import { forgetDroppedFirm, forgetPaneDataIfFirmChanged, saveDroppedFirm } from "./firmStore";

/** The sample firm's SharePoint site, where its matter record lives (simulated). */
const RECORD_HOST = "bramleysutton.sharepoint.example";
const RECORD_SITE = `https://${RECORD_HOST}/sites/Matters`;

const root = document.getElementById("workbench")!;

/** The fake's convertToRestId inverse: what Outlook would show the pane for a Graph id. */
function ewsIdOf(graphId: string): string {
  return graphId.replace(/-/g, "/").replace(/_/g, "+");
}

async function start() {
  // `npm start -- --directory … --mail …`: the dev server serves the firm's files on this page's own origin.
  const seed = await loadSeed(async () => {
    const url = servedFirmUrl();
    if (!url) return null;
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) throw new Error(`the development server answered ${response.status} for the firm's files`);
    return (await response.json()) as ServedFirm;
  });
  // The pane's databases hold the last firm's directory and filings: another firm starts them afresh.
  await forgetPaneDataIfFirmChanged(seed.fingerprint);
  const startedAt = Date.now();
  const now = () => new Date(Date.parse(seed.now) + (Date.now() - startedAt));
  // The mailbox keeps the workbench's time, so the times it stamps on changes compare with the pane's decisions.
  // `?latency=50` slows every simulated request (the bench measures filing at 50 ms a request).
  const latency = Number(new URLSearchParams(window.location.search).get("latency") ?? 15);
  const sim = createGraphSimulator({
    signedInUser: seed.me,
    latencyMs: Number.isFinite(latency) ? latency : 15,
    clock: () => now().getTime(),
  });
  // Who is signed in: the header switches between the firm's people. Each has their own mailbox (a copy of the
  // team's mail, same ids) and their own Matterline database; all share the firm's one SharePoint site.
  const people = seed.directory.people.map((p) => ({ email: p.email.toLowerCase(), name: p.name, role: p.role }));
  let signedIn = seed.me;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  for (const p of people) sim.addUser(p.email, { displayName: p.name });
  const problems = [...seed.problems];
  const messages: WorkbenchMessage[] = [];
  // Each message on its own: one the mailbox refuses is reported and the others still arrive.
  seed.messages.forEach((m, i) => {
    try {
      const folder = m.from?.email === seed.me ? "sentitems" : "inbox";
      // Graph (REST) ids carry "-" and "_" where the EWS ids Outlook hands the pane carry "/" and "+", as in Exchange.
      const id = `AAMkAGwb-${String(i + 1).padStart(4, "0")}_${folder}`;
      const seeded = { mime: seed.mime[i], attachments: seed.attachments[i] ?? [] };
      const stored = sim.addMessage(seed.me, folder, { ...graphMessageOf(m, folder), id }, seeded);
      for (const p of people) if (p.email !== seed.me) sim.addMessage(p.email, folder, { ...graphMessageOf(m, folder), id }, seeded);
      messages.push({ itemId: ewsIdOf(stored.id), graphId: stored.id, folder, message: { ...m, webLink: stored.webLink ?? null } });
    } catch (e) {
      problems.push({ file: m.subject || m.internetMessageId || `message ${i + 1}`, error: e instanceof Error ? e.message : String(e) });
    }
  });
  const byItem = new Map(messages.map((m) => [m.itemId, m]));
  const categoriesOf = (itemId: string) => sim.message(signedIn, byItem.get(itemId)!.graphId)?.categories ?? [];

  // The firm's matter record: a SharePoint site, set up once as an administrator would with `npm run provision`.
  sim.sharePoint.addSite(RECORD_HOST, "/sites/Matters", "Matters");
  const admin = createGraphClient({ tokenProvider: { getToken: () => Promise.resolve("workbench-admin") }, fetchImpl: sim.fetch });
  // `?attachments=on` sets the firm up to store each filed email's attachments beside it (as
  // `npm run provision -- --attachments on` does); the firm's default is off.
  const attachmentsOn = new URLSearchParams(window.location.search).get("attachments") === "on";
  await provisionRecord(admin, RECORD_SITE, undefined, attachmentsOn ? { attachments: true } : {});

  const person = (a: { name?: string; email: string }) => ({ displayName: a.name ?? a.email, emailAddress: a.email });
  const fakeItem = (w: WorkbenchMessage): FakeMailItem => ({
    itemId: w.itemId,
    internetMessageId: w.message.internetMessageId ?? undefined,
    conversationId: w.message.conversationId ?? undefined,
    subject: w.message.subject,
    from: person(w.message.from ?? { email: "unknown@unknown.example" }),
    to: w.message.to.map(person),
    cc: w.message.cc.map(person),
    dateTimeCreated: w.message.receivedAt ?? w.message.sentAt ?? new Date(0).toISOString(),
    bodyText: w.message.bodyText,
    attachments: w.message.attachmentNames,
    categories: categoriesOf(w.itemId),
  });

  const me = seed.directory.people.find((p) => p.email.toLowerCase() === seed.me);
  // Outlook resolves a typed address to the person's name from the address book; the workbench's is the directory.
  const names = new Map<string, string>([
    ...seed.directory.people.map((p) => [p.email.toLowerCase(), p.name] as const),
    ...seed.directory.clients.flatMap((c) => c.contacts.map((x) => [x.email.toLowerCase(), x.name] as const)),
  ]);
  const directoryName = (email: string) => names.get(email.trim().toLowerCase());
  const mailboxVersion = outlookVersionOf(window.location.search);
  const fake = createOfficeFake({
    item: null,
    // Outlook names the mailbox's zone the Windows way ("GMT Standard Time"), not as IANA does: so does the workbench.
    userProfile: {
      emailAddress: seed.me,
      displayName: me?.name ?? seed.me,
      timeZone: findWindowsZone(seed.directory.firm.timeZone) ?? seed.directory.firm.timeZone,
    },
    requirementSets: { mailbox: mailboxVersion, nestedAppAuth: true },
    // Outlook and Graph see one mailbox: a category set through Office shows in Graph, and the reverse.
    onCategoriesChanged: (itemId, categories) => {
      const w = byItem.get(itemId);
      if (w) sim.updateMessage(signedIn, w.graphId, { categories: [...categories] });
      notify();
    },
  });
  fake.controller.addItems(messages.map(fakeItem));
  // The pane opens and closes as Outlook would for the selection (manifest.xml and the Mailbox version decide).
  fake.controller.onPaneChanged(notify);

  let fault: FaultMode = "none";
  const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // The workbench's "network": fault modes act here, in front of the simulator, so switching back to normal is instant.
  const graphFetch: typeof fetch = async (input, init) => {
    if (fault === "offline") throw new TypeError("Failed to fetch");
    if (fault === "server-errors")
      return new Response(JSON.stringify({ error: { code: "ServiceUnavailable", message: "Service unavailable" } }), {
        status: 503,
        headers: { "Content-Type": "application/json", "Retry-After": "1" },
      });
    if (fault === "throttled")
      return new Response(JSON.stringify({ error: { code: "TooManyRequests", message: "Too many requests" } }), {
        status: 429,
        headers: { "Content-Type": "application/json", "Retry-After": "2" },
      });
    if (fault === "slow") await delay(800);
    const response = await sim.fetch(input, init);
    // Graph writes from the pane change what the list shows.
    if ((init?.method ?? "GET").toUpperCase() !== "GET") {
      for (const w of messages) fake.controller.setCategories(w.itemId, categoriesOf(w.itemId));
      notify();
    }
    return response;
  };

  const hostFor = (email: string): HostEnvironment => ({
    name: "Workbench",
    graphFetch,
    now,
    user: { email, name: people.find((p) => p.email === email)?.name ?? email },
    getToken: (scopes) => Promise.resolve(`workbench-token:${scopes.join(" ")}`),
    initialDirectory: seed.directory,
    recordSite: RECORD_SITE,
  });
  const bridge: WorkbenchBridge = { office: fake.office, host: hostFor(seed.me) };
  (window as unknown as Record<string, WorkbenchBridge>)[BRIDGE_KEY] = bridge;
  // For browser tests and curious developers: the simulated Microsoft 365 and Outlook behind the page.
  (window as unknown as { __workbenchDebug: unknown }).__workbenchDebug = {
    sim,
    controller: fake.controller,
    me: seed.me,
    recordSite: RECORD_SITE,
    person: () => signedIn,
  };

  // Outlook's event runtime loads the function file and associates its handlers; the workbench does the same with
  // the real handlers, wired as src/hosts/commands/commands.ts wires them (the pane logs the queued send on its next start).
  const pendingSends = createPendingSendLog(fake.office);
  registerCommands(fake.office, {
    onSendLog: (draft, matterId) => pendingSends.record(draft, matterId),
    now,
    sendCheck: createHandlerSendCheck(fake.office, {
      now,
      indexFault: () =>
        fault === "send-check-fails" ? new MatterlineError("storage-failed", "the recipient index could not be read on this device") : null,
    }),
  });
  let sentCounter = 0;
  /**
   * Outlook's Send: OnMessageSend first (Mailbox 1.12); if it allows sending, the mail lands in Sent Items and the draft
   * closes. "Send Anyway" in a Smart Alert sends without running the handler again.
   */
  const sendDraft = async (
    options: { anyway?: boolean } = {},
  ): Promise<{ sent: boolean; message?: string; alert?: FakeCompletedOptions }> => {
    const item = fake.office.context.mailbox.item;
    if (!item || !isComposeItem(item)) return { sent: false, message: "No draft is open." };
    // Outlooks before Mailbox 1.12 (Outlook 2021 LTSC) have no OnMessageSend: the mail goes unchecked and unlogged.
    if (!options.anyway && fake.office.context.requirements.isSetSupported("Mailbox", "1.12")) {
      const result = await fake.controller.runAction(COMMAND_NAMES.onSend, { type: "messageSend" });
      if (result?.allowEvent === false) return { sent: false, alert: result };
    }
    const sentAt = now().toISOString();
    const draftKey = fake.controller.currentItemKey();
    const draft = await messageFromComposeItem(fake.office, item, sentAt);
    const addr = (a: { name?: string; email: string }) => ({ emailAddress: { name: a.name, address: a.email } });
    const from = { name: me?.name ?? seed.me, email: seed.me };
    sentCounter += 1;
    const sentCopy = sim.addMessage(seed.me, "sentitems", {
      internetMessageId: `<wb-sent-${startedAt.toString(36)}-${sentCounter}@workbench.example>`,
      conversationId: draft.conversationId ?? undefined,
      subject: draft.subject,
      from: addr(from),
      sender: addr(from),
      toRecipients: draft.to.map(addr),
      ccRecipients: draft.cc.map(addr),
      sentDateTime: sentAt,
      receivedDateTime: sentAt,
      body: { contentType: "text", content: draft.bodyText },
      bodyPreview: draft.bodyText.slice(0, 255),
      isRead: true,
    });
    if (draftKey) fake.controller.carryCustomProperties(draftKey, ewsIdOf(sentCopy.id));
    // The compose form closes: back to the list with nothing selected, as Outlook does after Send.
    selectedIds = [];
    await fake.controller.selectItem(null);
    allMessages();
    notify();
    return { sent: true };
  };

  const applyFault = (mode: FaultMode) => {
    fault = mode;
    fake.controller.clearFailures();
    if (mode === "office-fails")
      for (const method of ["body.getAsync", "categories.getAsync", "categories.addAsync"])
        fake.controller.failNext(method, "Outlook could not reach the mailbox.", 1_000_000);
  };

  // Mail sent through Graph after start (a digest, a reply) joins Sent Items.
  const sentLater = new Map<string, WorkbenchMessage>();
  const allMessages = (): WorkbenchMessage[] => {
    for (const g of sim.sentMail(signedIn)) {
      if (messages.some((m) => m.graphId === g.id) || sentLater.has(g.id)) continue;
      const w: WorkbenchMessage = { itemId: ewsIdOf(g.id), graphId: g.id, folder: "sentitems", message: toMailMessage(g) };
      sentLater.set(g.id, w);
      byItem.set(w.itemId, w);
      fake.controller.addItems([fakeItem(w)]);
    }
    return [...messages, ...sentLater.values()];
  };
  const office = fake.office;
  const surfaces = (): SurfaceState => {
    const key = fake.controller.currentItemKey();
    const forms = fake.controller.replyForms.filter((f) => f.itemId === key || !key);
    const draft = fake.controller.draftBody();
    const lines = fake.controller.draftRecipients();
    const emails = (people: readonly { emailAddress: string }[] | undefined) => (people ?? []).map((p) => p.emailAddress);
    return {
      notifications: key ? fake.controller.notifications(key) : [],
      replyForm: forms.length ? forms[forms.length - 1] : lastReplyForm(),
      draft: draft
        ? {
            text: draft.type === "html" ? htmlToText(draft.html) : draft.text,
            type: draft.type,
            parts: {
              to: emails(lines?.to),
              cc: emails(lines?.cc),
              bcc: emails(lines?.bcc),
              attachments: fake.controller.draftAttachments(),
            },
          }
        : null,
    };
  };
  // A reply form stays on screen for the message it was opened from, like Outlook's pop-out.
  const lastReplyForm = () => {
    const forms = fake.controller.replyForms;
    const key = selectedIds[selectedIds.length - 1];
    const mine = forms.filter((f) => f.itemId === key);
    return mine.length ? mine[mine.length - 1] : null;
  };
  let selectedIds: readonly string[] = [];

  // displayMessageForm (e.g. "Reply now" on an overdue mail that is not open) opens the message: select it in the list.
  const openListeners = new Set<(itemId: string) => void>();
  let formsSeen = 0;
  setInterval(() => {
    const forms = fake.controller.messageForms;
    for (; formsSeen < forms.length; formsSeen++) {
      const id = forms[formsSeen];
      if (byItem.has(id)) openListeners.forEach((l) => l(id));
    }
  }, 200);

  const model: WorkbenchModel = {
    onOpenRequest: (listener) => {
      openListeners.add(listener);
      return () => openListeners.delete(listener);
    },
    firmName: seed.directory.firm.name,
    loadProblems: problems,
    firm: { source: seed.source, refused: seed.refused },
    async loadFirmFiles(files: readonly PickedFile[]) {
      try {
        const { firm, skipped } = await readFirmFiles(files, seed.directory);
        await saveDroppedFirm({ firm, skipped, loadedAt: new Date().toISOString() });
      } catch (e) {
        return e instanceof MatterlineError && e.details.length ? [...e.details] : [e instanceof Error ? e.message : String(e)];
      }
      // Everything (the mailboxes, Outlook, the pane) starts again with the firm's files, as a first run would.
      window.location.reload();
      return [];
    },
    async unloadFirm() {
      await forgetDroppedFirm();
      window.location.reload();
    },
    mailboxVersion,
    timeZone: seed.directory.firm.timeZone,
    messages: allMessages,
    events: () =>
      sim.events(seed.me).map((e) => ({
        id: e.id,
        subject: e.subject ?? "",
        start: `${e.start.dateTime.replace(/Z$/, "")}Z`,
        end: `${e.end.dateTime.replace(/Z$/, "")}Z`,
        categories: e.categories ?? [],
      })),
    surfaces,
    composeReply: (itemId) => {
      const w = byItem.get(itemId);
      if (!w) return;
      const m = w.message;
      void fake.controller.compose({
        subject: /^re:/i.test(m.subject) ? m.subject : `RE: ${m.subject}`,
        to: m.from ? [person(m.from)] : [],
        cc: m.cc.filter((a) => a.email !== seed.me).map(person),
        bodyType: "html",
        bodyHtml: "",
        conversationId: m.conversationId ?? undefined,
      });
    },
    typeInDraft: (text) => {
      const item = office.context.mailbox.item as Office.MessageCompose | null;
      if (!item?.body) return;
      // The fake's cursor sits at the end of the body, so typing is an insert there.
      const html = `<p>${text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c)}</p>`;
      item.body.setSelectedDataAsync(html, { coercionType: office.CoercionType.Html }, () => notify());
    },
    sendDraft,
    setDraftRecipients: (line, emails) => {
      fake.controller.setDraftRecipients(
        line,
        emails.map((email) => ({ displayName: directoryName(email) ?? email, emailAddress: email })),
      );
      notify();
    },
    attachToDraft: (name) => {
      fake.controller.attachToDraft(name);
      notify();
    },
    categoriesOf,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    select: (ids) => {
      selectedIds = ids;
      const items = ids
        .map((id) => byItem.get(id))
        .filter((w): w is WorkbenchMessage => Boolean(w))
        .map(fakeItem);
      if (items.length > 1) void fake.controller.selectItems(items);
      else void fake.controller.selectItem(items[0] ?? null, { nullFirst: true });
    },
    setFault: applyFault,
    people,
    person: () => signedIn,
    switchPerson(email) {
      if (!people.some((p) => p.email === email)) return;
      signedIn = email;
      // The pane reloads as this person: their mailbox in Graph, their profile in Office, their own database.
      sim.setSignedInUser(email);
      bridge.host = hostFor(email);
      fake.controller.setUserProfile({ emailAddress: email, displayName: bridge.host.user.name });
      for (const w of messages) fake.controller.setCategories(w.itemId, categoriesOf(w.itemId));
      selectedIds = [];
      void fake.controller.selectItem(null);
      notify();
    },
    library: () => sim.sharePoint.library(RECORD_SITE, RECORD_LIBRARY),
    recordItems: () => sim.sharePoint.listItems(RECORD_SITE, RECORD_LIST).length,
    setTheme: (theme) => void fake.controller.setTheme(theme),
    pane: () => fake.controller.pane(),
    now,
  };
  createRoot(root).render(<WorkbenchApp model={model} paneUrl="workbench-pane.html" />);
}

start().catch((error: unknown) => {
  root.textContent = `The workbench could not start: ${error instanceof Error ? error.message : String(error)}`;
});
