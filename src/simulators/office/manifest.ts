import { XMLParser } from "fast-xml-parser";

/**
 * What an add-in only manifest (manifest.xml) lets Outlook do with the add-in, as the Office fake enforces it. Outlook
 * decides from the manifest alone whether the pane opens with nothing selected, stays on a multiple selection, or
 * runs a handler at send time; a fake that allowed those regardless would hide a manifest gap until real Outlook.
 */
export interface ManifestDeclarations {
  /** Restricted, ReadItem, ReadWriteItem or ReadWriteMailbox. */
  readonly permissions: string;
  /** The read-mode task pane (ShowTaskpane on MessageReadCommandSurface), or null when there is none. */
  readonly readPane: TaskpaneAction | null;
  /** The compose-mode task pane (ShowTaskpane on MessageComposeCommandSurface), or null. */
  readonly composePane: TaskpaneAction | null;
  /** Function names of ExecuteFunction buttons (ribbon commands). */
  readonly commands: ReadonlySet<string>;
  /** Ids of the add-in command controls (buttons), which a Smart Alert's commandId may name. */
  readonly controlIds: ReadonlySet<string>;
  /** Launch events by type (e.g. "OnMessageSend") → the function Outlook runs. */
  readonly launchEvents: ReadonlyMap<string, { readonly functionName: string; readonly sendMode: string | null }>;
  readonly supportsSharedFolders: boolean;
}

export interface TaskpaneAction {
  readonly pinning: boolean;
  /** SupportsMultiSelect (Mailbox 1.13). */
  readonly multiSelect: boolean;
  /** SupportsNoItemContext (Mailbox 1.13): opens with no message selected or the reading pane off. */
  readonly noItemContext: boolean;
}

interface XNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XNode[];
  readonly text: string;
}

type Ordered = Record<string, unknown>;

/** fast-xml-parser's order-preserving output as a small tree (element name, attributes, children, own text). */
function toTree(items: readonly Ordered[]): XNode[] {
  const out: XNode[] = [];
  for (const item of items) {
    const name = Object.keys(item).find((k) => k !== ":@");
    if (!name || name === "#text" || name === "#comment" || name.startsWith("?")) continue;
    const kids = (item[name] ?? []) as Ordered[];
    const attrs = (item[":@"] ?? {}) as Record<string, string>;
    // parseTagValue is off, so a text node is always a string.
    const text = kids
      .map((k) => k["#text"])
      .filter((t): t is string => typeof t === "string")
      .join("")
      .trim();
    out.push({ name, attrs, children: toTree(kids), text });
  }
  return out;
}

const child = (n: XNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const children = (n: XNode | undefined, name: string) => n?.children.filter((c) => c.name === name) ?? [];
const truthy = (n: XNode | undefined) => n?.text.toLowerCase() === "true";

function descendants(n: XNode, name: string, out: XNode[] = []): XNode[] {
  for (const c of n.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** Outlook reads the innermost VersionOverrides it understands; the fake understands every version. */
function innermostOverrides(app: XNode): XNode | undefined {
  let vo = child(app, "VersionOverrides");
  for (let inner = child(vo, "VersionOverrides"); inner; inner = child(inner, "VersionOverrides")) vo = inner;
  return vo;
}

function paneOf(point: XNode): TaskpaneAction | null {
  const actions = descendants(point, "Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
  if (actions.length === 0) return null;
  return {
    pinning: actions.some((a) => truthy(child(a, "SupportsPinning"))),
    multiSelect: actions.some((a) => truthy(child(a, "SupportsMultiSelect"))),
    noItemContext: actions.some((a) => truthy(child(a, "SupportsNoItemContext"))),
  };
}

/** Reads what the manifest declares; throws a plain Error when the text is not an OfficeApp manifest. */
export function readManifest(xml: string): ManifestDeclarations {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, parseTagValue: false });
  const app = toTree(parser.parse(xml) as Ordered[]).find((n) => n.name === "OfficeApp");
  if (!app) throw new Error("The manifest has no OfficeApp element.");
  const vo = innermostOverrides(app);
  const mailHost = children(child(vo, "Hosts"), "Host").find((h) => h.attrs["xsi:type"] === "MailHost");
  const desktop = child(mailHost, "DesktopFormFactor");
  const points = children(desktop, "ExtensionPoint");
  const point = (type: string) => points.find((p) => p.attrs["xsi:type"] === type);
  const launchEvents = new Map<string, { functionName: string; sendMode: string | null }>();
  for (const e of descendants(point("LaunchEvent") ?? { name: "", attrs: {}, children: [], text: "" }, "LaunchEvent"))
    if (e.attrs.Type && e.attrs.FunctionName)
      launchEvents.set(e.attrs.Type, { functionName: e.attrs.FunctionName, sendMode: e.attrs.SendMode ?? null });
  const commands = new Set(
    points
      .flatMap((p) => descendants(p, "Action"))
      .filter((a) => a.attrs["xsi:type"] === "ExecuteFunction")
      .map((a) => child(a, "FunctionName")?.text ?? "")
      .filter(Boolean),
  );
  const controlIds = new Set(
    points
      .flatMap((p) => descendants(p, "Control"))
      .map((c) => c.attrs.id ?? "")
      .filter(Boolean),
  );
  const read = point("MessageReadCommandSurface");
  const compose = point("MessageComposeCommandSurface");
  return {
    permissions: child(app, "Permissions")?.text ?? "Restricted",
    readPane: read ? paneOf(read) : null,
    composePane: compose ? paneOf(compose) : null,
    commands,
    controlIds,
    launchEvents,
    supportsSharedFolders: truthy(child(desktop, "SupportsSharedFolders")),
  };
}
