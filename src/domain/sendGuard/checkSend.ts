import { findRefs } from "@domain/recognition/scanText";
import { lookalikeOf } from "./lookalike";
import type { RecipientIndex } from "./recipientIndex";
import type { OutgoingMail, RecipientField, SendContext, SendWarning, WarningFix } from "./types";

// Size caps: a hostile draft (thousands of recipients, a megabyte subject) is checked on its first part only.
const MAX_RECIPIENTS = 500;
const MAX_ADDRESS_CHARS = 320;
const MAX_SUBJECT_CHARS = 2_000;
const MAX_BODY_CHARS = 200_000;
const MAX_ATTACHMENTS = 100;
const MAX_ATTACHMENT_NAME_CHARS = 255;

/** A recipient as the directory sees it. */
interface Recipient {
  readonly address: string;
  readonly fields: RecipientField[];
  /** The firm's own domain or a colleague. */
  readonly internal: boolean;
  /** A listed contact of `clients[0]`. */
  readonly contact: boolean;
  /** Clients the address belongs to: the contact's client, or the clients of its domain. */
  readonly clients: readonly number[];
  /** Matters on which the address (or its domain) is the other side. */
  readonly opposing: readonly number[];
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1);
}

function classify(index: RecipientIndex, address: string): Omit<Recipient, "fields"> {
  const domain = domainOf(address);
  const internal = index.people.has(address) || index.firmDomains.has(domain);
  const client = index.contactClient.get(address);
  const clients = client !== undefined ? [client] : (index.domainClients.get(domain) ?? []);
  const opposing = [...(index.opposingEmail.get(address) ?? []), ...(index.opposingDomain.get(domain) ?? [])];
  return { address, internal, contact: client !== undefined, clients: internal ? [] : clients, opposing: internal ? [] : opposing };
}

/** Recipients once each, in To, Cc, Bcc order, with every line each is on. */
function recipientsOf(index: RecipientIndex, mail: OutgoingMail): Recipient[] {
  const byAddress = new Map<string, Recipient>();
  const lines: [RecipientField, OutgoingMail["to"]][] = [
    ["to", mail.to],
    ["cc", mail.cc],
    ["bcc", mail.bcc],
  ];
  for (const [field, list] of lines) {
    for (const a of list) {
      if (byAddress.size >= MAX_RECIPIENTS) break;
      const address = (a.email ?? "").trim().toLowerCase();
      if (!address.includes("@") || address.length > MAX_ADDRESS_CHARS) continue;
      const seen = byAddress.get(address);
      if (seen) {
        if (!seen.fields.includes(field)) seen.fields.push(field);
      } else byAddress.set(address, { ...classify(index, address), fields: [field] });
    }
  }
  return [...byAddress.values()];
}

/** Matters cited in text, in order of first mention; "their ref" mentions are left out. */
function citedMatters(index: RecipientIndex, text: string): number[] {
  if (!text) return [];
  const hits = findRefs(index.refs, text);
  const own = hits.filter((h) => h.label === "own").map((h) => Number(h.matterId));
  const plain = hits.filter((h) => h.label === null).map((h) => Number(h.matterId));
  return [...new Set([...own, ...plain])];
}

/** File names write words with "_" or "+" between them ("Draft_SPA_2025-0042.docx"): read them as spaces. */
function attachmentText(name: string): string {
  return name.slice(0, MAX_ATTACHMENT_NAME_CHARS).replace(/[_+]/g, " ");
}

function names(index: RecipientIndex, clients: Iterable<number>): string {
  const list = [...new Set(clients)].map((c) => index.clientNames[c]);
  return list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

function matterOf(index: RecipientIndex, m: number): string {
  return `${index.matterNumber[m]} (${index.clientNames[index.matterClient[m]]})`;
}

/** Groups clients declared joint on some matter (union-find over the index's joint pairs). */
function jointGroups(index: RecipientIndex, clients: Iterable<number>): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (c: number): number => {
    let root = c;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    return root;
  };
  for (const c of clients) if (!parent.has(c)) parent.set(c, c);
  for (const c of parent.keys()) {
    for (const p of index.jointPartners.get(c) ?? []) {
      if (!parent.has(p)) continue;
      const a = find(c);
      const b = find(p);
      if (a !== b) parent.set(a, b);
    }
  }
  const group = new Map<number, number>();
  for (const c of parent.keys()) group.set(c, find(c));
  return group;
}

const REMOVE: WarningFix = { kind: "remove" };

/**
 * Checks a message before it is sent against the firm directory (as a compact recipient index) and the matter it is
 * about. The matter is the first of `context.matterIds` the index knows, else the first matter cited in the subject
 * or body whose client is among the recipients. Warns about:
 * - `other-client`: a recipient of another client than the matter's (or, with no matter known, recipients of two
 *   clients); clients declared joint on the matter (or on any matter, with no matter known) are not warned about;
 * - `client-and-opposing`: the client in To or Cc beside the other side of one of the client's matters;
 * - `lookalike`: an address not in the directory that is a near miss of a contact's or a client's (or the firm's)
 *   domain, with the address it resembles as `suggestion`;
 * - `matter-mismatch`: the subject or body citing a matter of a client none of the recipients belongs to;
 * - `attachment-other-matter`: an attachment whose name cites such a matter.
 * Internal mail, and mail to people the directory does not know with no near miss, gives no warning. Pure and
 * bounded: the first 500 recipients, 2,000 characters of subject and 200,000 of body are read.
 */
export function checkSend(index: RecipientIndex, mail: OutgoingMail, context: SendContext = {}): SendWarning[] {
  const recipients = recipientsOf(index, mail);
  const warnings: SendWarning[] = [];
  const warned = new Set<string>();
  const warn = (w: SendWarning): void => {
    const key = `${w.kind}\n${w.recipient}\n${w.kind === "matter-mismatch" || w.kind === "attachment-other-matter" ? w.reason : ""}`;
    if (warned.has(key)) return;
    warned.add(key);
    warnings.push(w);
  };
  const outside = recipients.filter((r) => !r.internal);
  if (outside.length === 0) return warnings;

  const recipientClients = new Set(outside.flatMap((r) => r.clients));
  const opposingClients = new Set(outside.flatMap((r) => r.opposing.flatMap((m) => index.clientsOfMatter(m))));
  const subject = mail.subject.slice(0, MAX_SUBJECT_CHARS);
  const subjectCites = citedMatters(index, subject);
  const bodyCites = citedMatters(index, mail.bodyText.slice(0, MAX_BODY_CHARS));
  const cited = [...new Set([...subjectCites, ...bodyCites])];

  // The matter the mail is about.
  let matter = -1;
  for (const id of context.matterIds ?? []) {
    matter = index.matterById(id);
    if (matter >= 0) break;
  }
  if (matter < 0) matter = cited.find((m) => index.clientsOfMatter(m).some((c) => recipientClients.has(c))) ?? -1;
  if (matter < 0 && recipientClients.size === 0)
    matter = cited.find((m) => index.clientsOfMatter(m).some((c) => opposingClients.has(c))) ?? -1;
  const allowed = matter >= 0 ? new Set(index.clientsOfMatter(matter)) : null;
  const opposingFor = (r: Recipient, clients: ReadonlySet<number>): number =>
    r.opposing.find((m) => index.clientsOfMatter(m).some((c) => clients.has(c))) ?? -1;

  // other-client
  if (allowed) {
    for (const r of outside) {
      if (r.clients.length === 0 || r.clients.some((c) => allowed.has(c)) || opposingFor(r, allowed) >= 0) continue;
      warn({
        kind: "other-client",
        recipient: r.address,
        reason: `${r.address} is ${r.contact ? "a contact" : "an address"} of ${names(index, r.clients)}, but this email is about matter ${matterOf(index, matter)}.`,
        suggestion: null,
        fixes: [REMOVE],
      });
    }
  } else if (recipientClients.size > 1) {
    const group = jointGroups(index, recipientClients);
    const order = (r: Recipient) => (r.fields.includes("to") ? 0 : r.fields.includes("cc") ? 1 : 2);
    const main = [...outside].filter((r) => r.clients.length > 0).sort((a, b) => order(a) - order(b))[0];
    const mainGroups = new Set(main.clients.map((c) => group.get(c)));
    const mainClients = new Set(main.clients);
    for (const r of outside) {
      if (r.clients.length === 0 || r.clients.some((c) => mainGroups.has(group.get(c))) || opposingFor(r, mainClients) >= 0) continue;
      warn({
        kind: "other-client",
        recipient: r.address,
        reason: `${r.address} is ${r.contact ? "a contact" : "an address"} of ${names(index, r.clients)}, but this email also goes to ${names(index, main.clients)} (${main.address}).`,
        suggestion: null,
        fixes: [REMOVE],
      });
    }
  }

  // client-and-opposing: ABA Formal Opinion 503 treats copying the client on mail to the other side as consent to a reply-all.
  const clientSide = allowed ?? recipientClients;
  for (const r of outside) {
    if (!r.fields.includes("to") && !r.fields.includes("cc")) continue;
    const own = r.clients.filter((c) => clientSide.has(c));
    if (own.length === 0) continue;
    const ownSet = new Set(own);
    if (opposingFor(r, ownSet) >= 0) continue;
    for (const o of outside) {
      if (o === r || o.clients.some((c) => ownSet.has(c))) continue;
      const m = opposingFor(o, ownSet);
      if (m < 0) continue;
      warn({
        kind: "client-and-opposing",
        recipient: r.address,
        reason: `${r.address} of ${names(index, own)} is copied beside ${o.address}, the other side on ${index.matterNumber[m]}, so a reply to all would reach your client directly.`,
        suggestion: null,
        fixes: [{ kind: "move-to-bcc" }, REMOVE],
      });
      break;
    }
  }

  // lookalike: only addresses the directory does not know (or a name at a client's domain that is not a contact).
  for (const r of outside) {
    if (r.contact || index.opposingEmail.has(r.address) || index.opposingDomain.has(domainOf(r.address))) continue;
    const look = lookalikeOf(index, r.address);
    if (!look || look.resembles === r.address) continue;
    const whose = look.client >= 0 ? `${index.clientNames[look.client]}'s` : "your firm's";
    warn({
      kind: "lookalike",
      recipient: r.address,
      reason: `${r.address} is not in the directory and looks like ${look.resembles}, ${whose} ${look.part === "domain" ? "address" : "contact"}.`,
      suggestion: look.resembles,
      fixes: [{ kind: "replace", with: look.resembles }, REMOVE],
    });
  }

  // matter-mismatch and attachment-other-matter: only when the recipients say whose mail this is.
  const known = new Set([...recipientClients, ...opposingClients, ...(allowed ?? [])]);
  for (const c of [...known]) for (const p of index.jointPartners.get(c) ?? []) known.add(p);
  if (known.size === 0) return warnings;
  const primary =
    outside.find((r) => r.clients.length > 0 && r.fields.includes("to")) ??
    outside.find((r) => r.clients.length > 0) ??
    outside.find((r) => r.opposing.length > 0)!;
  const foreign = (m: number) => !index.clientsOfMatter(m).some((c) => known.has(c));
  const whoseMail =
    primary.clients.length > 0 ? names(index, primary.clients) : `the other side on ${index.matterNumber[primary.opposing[0]]}`;
  for (const m of cited.filter(foreign)) {
    warn({
      kind: "matter-mismatch",
      recipient: primary.address,
      reason: `The ${subjectCites.includes(m) ? "subject" : "text"} cites matter ${matterOf(index, m)}, but this email goes to ${whoseMail} (${primary.address}).`,
      suggestion: null,
      fixes: [REMOVE],
    });
  }
  for (const name of mail.attachmentNames.slice(0, MAX_ATTACHMENTS)) {
    for (const m of citedMatters(index, attachmentText(name)).filter(foreign)) {
      warn({
        kind: "attachment-other-matter",
        recipient: primary.address,
        reason: `The attachment "${name.slice(0, 80)}" is named for matter ${matterOf(index, m)}, but this email goes to ${whoseMail} (${primary.address}).`,
        suggestion: null,
        fixes: [{ kind: "remove-attachment", name }, REMOVE],
      });
    }
  }
  return warnings;
}
