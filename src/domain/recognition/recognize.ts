import type { MailMessage } from "@domain/model/mail";
import { emailDomain } from "@domain/model/mail";
import type { Matter } from "@domain/directory/types";
import { isFirmAddress } from "@domain/directory/directoryIndex";
import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import { isPublicMailDomain } from "@domain/directory/publicDomains";
import { splitMessageText } from "@domain/text/newText";
import { findRefs, findRefsAndPhrases } from "./scanText";
import type { RefHit } from "./scanText";
import type { PhraseTarget } from "@domain/directory/directoryIndex";
import { directionOf, isAutomated, isAutomaticAnswer, personalAddressContact, senderRoleOf } from "./senderRole";
import type { Recognition, RecognitionCandidate, RecognitionContext, SenderRole } from "./types";

/**
 * Signal weights. A reference outweighs everything; the thread comes next; addresses and history
 * say "which client", and words say "which of the client's matters". Matter-picking words are
 * discounted on closed matters, because new mail from a client is far more often about open work.
 */
const W = {
  refSubject: 10,
  refNew: 8,
  refSignature: 6,
  refQuoted: 3,
  refOwnLabel: 3,
  refOtherLabel: -4,
  thread: 7,
  contact: 4,
  domain: 3,
  historyMax: 3,
  opposingEmail: 5,
  opposingDomain: 4,
  clientName: 1.5,
  closedFactor: 0.4,
} as const;
const WHERE = { subject: 1.5, new: 1, forwarded: 1, quoted: 0.3 } as const;
/** Below this, recognition abstains: filing to the wrong matter is a confidentiality breach. */
export const MATTER_CONFIDENCE_THRESHOLD = 0.5;
const MIN_SCORE = 3.5;
/** Older history deeper in a long reply chain says little and would cost time on every message. */
const QUOTED_SCAN_CHARS = 3000;

/** What a piece of evidence is, to say in words why one matter beats another. */
type Kind = "ref" | "thread" | "address" | "history" | "opposing" | "words";
const KINDS: readonly Kind[] = ["ref", "thread", "opposing", "address", "history", "words"];

/** One fact shown to the user, with the weight it added, so reasons can be listed strongest first. */
interface Reason {
  /** Same key = same fact: its weight adds up and it is said once. */
  readonly key: string;
  text: string;
  weight: number;
  /** The largest single contribution, whose wording is kept. */
  top: number;
  /** Folded words of a matched phrase, to drop "names Larchfield" next to "names Larchfield Homes". */
  readonly words?: readonly string[];
}

interface Evidence {
  score: number;
  /** The part of the score that comes from filing history. */
  history: number;
  /** Matter-specific evidence strong enough to file even a closed matter. */
  firm: boolean;
  anchored: boolean;
  reasons: Reason[];
  byKind: Record<Kind, number>;
}

function label(matter: Matter | undefined): string {
  return matter ? matter.number : "?";
}

/** Where a reference or phrase was found, as the start of a reason ("Subject cites …"). */
const REF_PLACES: Record<string, string> = {
  subject: "Subject",
  new: "Message",
  forwarded: "Forwarded text",
  signature: "Signature",
  quoted: "Quoted earlier mail",
};

/**
 * Decides which client and matter a message belongs to, with reasons, or abstains and says what
 * would decide it. Cost is proportional to the message, never to the directory: every lookup goes
 * through the prebuilt DirectoryIndex.
 *
 * Reasons are short plain fragments for a reader (an attorney in the pane), one per fact, strongest
 * first, never a raw score; `decideHint` is a full sentence.
 */
/**
 * What recognition reads in a message's body (and headers), gathered once: the sender's role (the court test reads the
 * first lines), whether it is an automatic reply, and the references and directory phrases found in the new,
 * forwarded and quoted text and the signature. JSON-safe, so a scan can keep it instead of the body; it holds for
 * the directory it was read with (a changed directory must read the body again).
 */
export interface RecognitionText {
  readonly role: SenderRole;
  readonly opposingMatters: readonly string[];
  readonly autoReply: boolean;
  readonly newText: TextScan;
  readonly forwarded: TextScan;
  readonly quoted: TextScan;
  readonly signatureRefs: readonly RefHit[];
}

/** Reads what {@link recognize} needs from the body of `message` (see {@link RecognitionText}). */
export function readRecognitionText(message: MailMessage, index: DirectoryIndex, owners: readonly string[]): RecognitionText {
  const me = owners.map((m) => m.toLowerCase());
  const parts = splitMessageText(message.bodyText, message.subject);
  const roleOf = senderRoleOf(index, message, me, parts.newText);
  // Bulk senders' own words say nothing (see 6.); everyone else's texts are read once for references and phrases.
  const bulk = roleOf.role === "bulk";
  const quoted = parts.quoted.length > QUOTED_SCAN_CHARS ? parts.quoted.slice(0, QUOTED_SCAN_CHARS) : parts.quoted;
  return {
    role: roleOf.role,
    opposingMatters: roleOf.opposingMatters,
    autoReply: isAutomated(message).autoReply,
    newText: scanText(index, parts.newText, bulk),
    forwarded: scanText(index, parts.forwarded, bulk),
    quoted: scanText(index, quoted, bulk),
    signatureRefs: parts.signature ? findRefs(index, parts.signature) : [],
  };
}

/**
 * False for a sender role read from the body ({@link RecognitionText.role}) that {@link recognize} never turns into
 * "client": only "unknown" can become one (a client's contact writing from an unknown address, tied by a reference or
 * the thread). Mail from such a sender is never on the reply clock, whatever the filing history says.
 */
export function mayBeClient(role: SenderRole): boolean {
  return role === "client" || role === "unknown";
}

/**
 * Decides which client and matter a message belongs to, with reasons, or abstains and says what
 * would decide it. Cost is proportional to the message, never to the directory: every lookup goes
 * through the prebuilt DirectoryIndex.
 *
 * Reasons are short plain fragments for a reader (an attorney in the pane), one per fact, strongest
 * first, never a raw score; `decideHint` is a full sentence.
 *
 * `text` is what {@link readRecognitionText} read from the body, when it was read earlier with the same directory
 * and owners (the overdue scan keeps it instead of the body); by default the body is read now.
 */
export function recognize(
  message: MailMessage,
  context: RecognitionContext,
  text: RecognitionText = readRecognitionText(message, context.index, context.me),
): Recognition {
  const { index } = context;
  const direction = directionOf(index, message);
  let role: SenderRole = text.role;
  const { opposingMatters } = text;
  const from = (message.from?.email ?? "").toLowerCase();

  const acc: Accumulator = { index, matters: new Map(), clientReasons: new Map(), clientEvidence: new Map() };
  const { matters, clientEvidence } = acc;
  /** Clients that a reference or the thread ties this message to (not words, not addresses). */
  const tiedClients = new Set<string>();

  // 1. References: subject, own text, forwarded text, signature ("Our ref:" often sits there), quoted history.
  const bulk = role === "bulk";
  const subjectScan = scanText(index, message.subject, bulk);
  const newScan = text.newText;
  const forwardedScan = text.forwarded;
  const quotedScan = text.quoted;
  const refSources: [readonly RefHit[], number, string][] = [
    [subjectScan.refs, W.refSubject, REF_PLACES.subject],
    [newScan.refs, W.refNew, REF_PLACES.new],
    [forwardedScan.refs, W.refNew, REF_PLACES.forwarded],
    [text.signatureRefs, W.refSignature, REF_PLACES.signature],
    [quotedScan.refs, W.refQuoted, REF_PLACES.quoted],
  ];
  for (const [found, weight, where] of refSources) {
    for (const hit of found) {
      const m = index.matterById.get(hit.matterId);
      const adjust = hit.label === "own" ? W.refOwnLabel : hit.label === "other" ? W.refOtherLabel : 0;
      const what = hit.label === "own" ? `our reference ${hit.text}` : hit.text;
      const matterNote = m && hit.text !== m.number ? ` (matter ${m.number})` : "";
      const text =
        hit.label === "other"
          ? `${where} mentions ${hit.text}${matterNote} as the other side's reference`
          : `${where} cites ${what}${matterNote}`;
      addMatter(acc, hit.matterId, weight + adjust, text, { firm: true, kind: "ref", key: `ref:${hit.matterId}` });
      if (m && hit.label !== "other") tiedClients.add(m.clientId);
    }
  }

  // 2. The thread: a message of this conversation was already logged.
  const threadIds = new Set(context.threadMatterIds ?? []);
  const logged = message.conversationId ? context.history?.byConversation.get(message.conversationId) : undefined;
  if (logged) threadIds.add(logged);
  if (message.loggedMatterId) threadIds.add(message.loggedMatterId);
  for (const id of threadIds) {
    const m = index.matterById.get(id);
    addMatter(acc, id, W.thread, `In the same thread as a message logged to ${label(m)}`, { firm: true, kind: "thread" });
    if (m) tiedClients.add(m.clientId);
  }

  // A client's contact writing from an address the directory does not know (personal webmail), in a thread or
  // about a reference of that client, or from an address whose mail the firm has filed to that client's matters
  // before: same name as one of the client's contacts. Never from the name alone.
  // It names who wrote; it adds no weight to any matter (the thread, reference or filing history already does).
  let personal: { clientId: string; text: string } | null = null;
  if (role === "unknown" && direction === "inbound") {
    // Most unknown senders have no filing history: the tied clients are then the ones to look in, without a copy.
    const filed = context.history?.byAddress.get(from);
    let tiedOrFiled: ReadonlySet<string> = tiedClients;
    if (filed) {
      const withFiled = new Set(tiedClients);
      for (const matterId of filed.keys()) {
        const m = index.matterById.get(matterId);
        if (m) withFiled.add(m.clientId);
      }
      tiedOrFiled = withFiled;
    }
    const found = tiedOrFiled.size > 0 ? personalAddressContact(index, message, tiedOrFiled) : null;
    if (found) {
      role = "client";
      personal = personalNote(index, found, from);
      // Tied by filing history alone, the sender then counts as the contact, as a known address would: the history
      // and the name say which client, and the words and the history choose among its matters.
      if (!tiedClients.has(found.clientId)) addNamedContact(acc, found, from);
    }
  }

  // 3–5. Addresses: client contacts, filing history, client domains, the other side.
  // Bulk senders' own addresses say nothing; only references and the thread count for them.
  const outside =
    direction === "inbound"
      ? [from]
      : [...message.to, ...message.cc].map((a) => a.email.toLowerCase()).filter((e) => !isFirmAddress(index, e));
  if (!bulk) {
    for (const addr of outside) {
      const contact = index.contactByEmail.get(addr);
      if (contact) {
        const client = index.clientById.get(contact.clientId);
        addClient(acc, contact.clientId, W.contact, `${addr} is a contact of ${client?.name ?? contact.clientId}`, true);
      } else {
        const domain = emailDomain(addr);
        if (!isPublicMailDomain(domain)) {
          for (const clientId of index.clientsByDomain.get(domain) ?? []) {
            addClient(acc, clientId, W.domain, `${domain} is the mail domain of ${index.clientById.get(clientId)?.name ?? clientId}`, true);
          }
        }
      }
      const filed = context.history?.byAddress.get(addr);
      if (filed) {
        let total = 0;
        for (const n of filed.values()) total += n;
        for (const [matterId, n] of filed) {
          const times = n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;
          const text =
            direction === "inbound" ? `Sender's mail filed to this matter ${times}` : `Mail with ${addr} filed to this matter ${times}`;
          addMatter(acc, matterId, W.historyMax * (n / total), text, { anchor: true, history: true, kind: "history" });
        }
      }
      const opp = index.opposingByEmail.get(addr);
      if (opp)
        for (const id of opp)
          addMatter(acc, id, W.opposingEmail / opp.length, `${addr} acts for the other side in ${label(index.matterById.get(id))}`, {
            anchor: true,
            discount: false,
            kind: "opposing",
          });
      else {
        const domain = emailDomain(addr);
        const byDomain = index.opposingByDomain.get(domain);
        if (byDomain)
          for (const id of byDomain)
            addMatter(
              acc,
              id,
              W.opposingDomain / byDomain.length,
              `${domain} is the other side's domain in ${label(index.matterById.get(id))}`,
              { anchor: true, discount: false, kind: "opposing" },
            );
      }
    }
    if (role === "opposing_counsel" && direction === "inbound") for (const id of opposingMatters) ev(acc, id).anchored = true;
  }

  // 6. Words: keywords, party names and client names, weighted by where they appear.
  if (!bulk) {
    // Courts, colleagues and I name the parties rather than write from a client address.
    const namesAnchor = role === "court" || role === "colleague" || role === "me" || role === "opposing_counsel" || direction !== "inbound";
    const textSources: [readonly PhraseTarget[], number, string][] = [
      [subjectScan.phrases, WHERE.subject, REF_PLACES.subject],
      [newScan.phrases, WHERE.new, REF_PLACES.new],
      [forwardedScan.phrases, WHERE.forwarded, REF_PLACES.forwarded],
      [quotedScan.phrases, WHERE.quoted, REF_PLACES.quoted],
    ];
    const seen = new Set<string>();
    for (const [found, factor, where] of textSources) {
      for (const p of found) {
        const key = phraseKey(p);
        if (seen.has(key)) continue; // once per phrase, at its strongest place (sources run strongest first)
        seen.add(key);
        if (p.kind === "client") {
          const name = index.clientById.get(p.id)?.name ?? p.label;
          if (namesAnchor || clientEvidence.has(p.id))
            addClient(acc, p.id, W.clientName * factor, `${where} names ${name}`, namesAnchor && factor >= 1, p.words);
        } else {
          const what = p.kind === "party" ? "names" : "mentions";
          addMatter(acc, p.id, p.weight * factor, `${where} ${what} “${p.label}”`, {
            anchor: p.kind === "party" && namesAnchor && factor >= 1,
            kind: "words",
            key: `w:${key}`,
            words: p.words,
          });
        }
      }
    }
  }

  // A client's contact writing from personal webmail outside any thread and without a reference: the display name is
  // one of the client's contacts' and the message's own words name one of that client's matters. Two facts that do
  // not come from each other (a stranger does not carry a contact's name, and a name alone proves nothing), so the
  // sender counts as that contact, as a known address would, and the words choose among the client's matters.
  if (!personal && role === "unknown" && direction === "inbound" && isPublicMailDomain(emailDomain(from))) {
    const named = new Set<string>();
    for (const [id, e] of matters) {
      const m = index.matterById.get(id);
      if (m && e.byKind.words > 0) named.add(m.clientId);
    }
    const found = named.size > 0 ? personalAddressContact(index, message, named) : null;
    if (found) {
      role = "client";
      personal = personalNote(index, found, from);
      addNamedContact(acc, found, from);
    }
  }

  // Rank. Words alone never file a message: a candidate needs an address, reference or thread behind it.
  const ranked = [...matters.entries()]
    .map(([id, e]) => ({ id, e, matter: index.matterById.get(id) as Matter }))
    .sort((a, b) => b.e.score - a.e.score || (a.matter.status === b.matter.status ? 0 : a.matter.status === "open" ? -1 : 1));
  const best = ranked[0];
  const second = ranked[1];
  const listed = ranked.slice(0, 5);
  let listedScore = 0;
  for (const r of listed) listedScore += Math.max(0, r.e.score);
  const candidates: RecognitionCandidate[] = listed.map((r, i) => ({
    matterId: r.id,
    clientId: r.matter.clientId,
    score: Math.round(r.e.score * 100) / 100,
    confidence: confidenceOf(r.e.score, i === 0 ? (second?.e.score ?? 0) : ranked[0].e.score),
    share: listedScore > 0 ? Math.round((Math.max(0, r.e.score) / listedScore) * 1000) / 1000 : 0,
    reasons: withFirst(personalFor(personal, r.matter.clientId), reasonTexts(r.e.reasons)),
  }));

  // The client the addresses point to, even when no matter is chosen.
  const addressClient = [...clientEvidence.entries()].filter(([, w]) => w >= W.domain).sort((a, b) => b[1] - a[1]);
  const soleAddressClient =
    addressClient.length === 1 || (addressClient.length > 1 && addressClient[0][1] > addressClient[1][1]) ? addressClient[0][0] : null;

  let abstainWhy: string | null = null;
  let hint: string | undefined;
  const confidence = best ? confidenceOf(best.e.score, second?.e.score ?? 0) : 0;
  const eitherRef =
    best && second
      ? `A matter reference (${best.matter.number} or ${second.matter.number}) or a word specific to one of them would decide it.`
      : "";
  const named = best ? mattersNamed(subjectScan, newScan, forwardedScan) : NO_MATTERS;
  const cited = best ? mattersCited(subjectScan, newScan, forwardedScan) : NO_MATTERS;
  if (!best) abstainWhy = "Nothing in the directory matches this message";
  else if (named.size >= SEVERAL_MATTERS) {
    // A round-up ("where everything stands: Kestrel, the Kavanagh case, the Daly claim…", a barrister's clerk's list
    // of three cases) is about each matter it names: a reference to one of them does not make it that matter's.
    abstainWhy = `No matter chosen: the message is about several matters (${[...named]
      .map((id) => index.matterById.get(id)?.number ?? id)
      .join(", ")})`;
    hint = "File it to the matter it is mostly about, or to each of them.";
  } else if (context.newWork && direction === "inbound" && mayBeClient(role) && !best.e.firm) {
    // "New one for you: our Galway franchisee wants out…": a known client's new piece of work is not its open
    // matter's, however many of its words and its sender's habits point there.
    abstainWhy = `No matter chosen: the writer asks for new work, and no reference or thread ties it to ${best.matter.number}`;
    hint = "Open a matter for the new work, or cite an existing matter's reference to file it there.";
  } else if (context.answersNewWork && direction !== "inbound" && !best.e.firm) {
    // "Happy to act on the buy-back; I'll open a new file": the firm's answer to a request for new work is about that
    // work, though it names the client's people and places, until a reference or a logged thread says otherwise.
    abstainWhy = `No matter chosen: it answers a request for new work, and no reference or thread ties it to ${best.matter.number}`;
    hint = "Open a matter for the new work, or cite an existing matter's reference to file it there.";
  } else if (isAutomaticAnswer(message) && !best.e.firm) {
    // "I am at a trade show until Monday" says nothing of any matter: it belongs with the message it answers, which the
    // thread shows once that message is filed; by the sender's address alone it would be a guess.
    abstainWhy = `No matter chosen: an automatic reply says nothing of a matter, and no reference or thread ties it to ${best.matter.number}`;
    hint = "File the message it answers: a reply in a logged thread follows it.";
  } else if (!best.e.anchored) {
    abstainWhy = `No matter chosen: only words point to ${best.matter.number}, with no reference, thread or known address behind them`;
    hint = "A matter reference, a reply in a logged thread, or a sender who is a known contact would decide it.";
  } else if (best.matter.status === "closed" && !best.e.firm) {
    abstainWhy = `No matter chosen: ${best.matter.number} is closed and nothing specific points to it`;
    hint = "This may be new work: open a matter, or cite the old matter's reference to file it there.";
  } else if (
    second &&
    second.matter.status === "open" &&
    !best.e.firm &&
    best.e.score - best.e.history - (second.e.score - second.e.history) < 1
  ) {
    // Habit is not evidence about this message: an address that wrote about one matter before
    // may well write about the client's other matter now.
    abstainWhy = `No matter chosen: only filing history separates ${best.matter.number} from ${second.matter.number}`;
    hint = eitherRef;
  } else if (best.e.score < MIN_SCORE || confidence < MATTER_CONFIDENCE_THRESHOLD) {
    abstainWhy =
      second && second.e.score >= best.e.score * 0.6
        ? `No matter chosen: ${best.matter.number} and ${second.matter.number} are both likely`
        : `No matter chosen: the evidence for ${best.matter.number} is weak`;
    hint = second ? eitherRef : "A matter reference or a reply in a logged thread would decide it.";
  } else if (cited.size >= 2 && cited.has(best.id) && best.e.byKind.thread === 0) {
    // "Fees for both of your matters (the 13O application, SG-26-0366, and 5 Cluny Hill, SG-26-0415)": a message that
    // cites two matters' references in its own words is about both; which of them its other words lean to is a guess.
    abstainWhy = `No matter chosen: the message cites ${[...cited].map((id) => index.matterById.get(id)?.number ?? id).join(" and ")}`;
    hint = "File it to the matter it is mostly about, or to each of them.";
  }

  if (abstainWhy || !best) {
    // Without an address, only a strong (if split) case names the client.
    const clientId =
      soleAddressClient ?? singleClientOf(ranked.filter((r) => r.e.anchored && r.e.score >= MIN_SCORE).map((r) => r.matter.clientId));
    const clientFacts = clientId ? reasonTexts(acc.clientReasons.get(clientId) ?? []) : [];
    return {
      direction,
      senderRole: role,
      clientId,
      matterId: null,
      confidence: abstainWhy && best ? confidence : 0,
      candidates,
      reasons: withSender(
        withFirst(personalFor(personal, clientId), [...clientFacts, abstainWhy ?? ""]).filter(Boolean),
        role,
        from,
        text.autoReply,
      ),
      abstained: best !== undefined,
      ...(hint ? { decideHint: hint } : {}),
    };
  }
  const preferred = second ? [preferenceReason(best, second)] : [];
  const reasons = withFirst(personalFor(personal, best.matter.clientId), reasonTexts(best.e.reasons));
  return {
    direction,
    senderRole: role,
    clientId: best.matter.clientId,
    matterId: best.id,
    confidence,
    candidates,
    reasons: withSender([...reasons, ...preferred], role, from, text.autoReply),
    abstained: false,
  };
}

/** How many matters a message must name in its own words before it is taken as being about several of them. */
const SEVERAL_MATTERS = 3;
/** A phrase weighs this much only when one matter owns it and it is not an everyday word (`finish` in directoryIndex). */
const SPECIFIC_PHRASE_WEIGHT = 1.5;
const NO_MATTERS: ReadonlySet<string> = new Set();

/**
 * The matters the writer's own text (subject, new and forwarded text; not quoted history or the signature) names by
 * a reference or by a phrase only that matter owns (a party's name, a specific keyword).
 */
function mattersNamed(...scans: readonly TextScan[]): ReadonlySet<string> {
  const named = new Set<string>();
  for (const scan of scans) {
    for (const r of scan.refs) named.add(r.matterId);
    for (const p of scan.phrases) if (p.kind !== "client" && p.weight >= SPECIFIC_PHRASE_WEIGHT) named.add(p.id);
  }
  return named;
}

/** The matters whose references (ours, not the other side's) the subject, the new text or a forward cites. */
function mattersCited(...scans: readonly TextScan[]): ReadonlySet<string> {
  const cited = new Set<string>();
  for (const scan of scans) for (const r of scan.refs) if (r.label !== "other") cited.add(r.matterId);
  return cited;
}

/** Ranked-candidate view used to explain a preference. */
interface RankedMatter {
  readonly e: Evidence;
  readonly matter: Matter;
}

/** Why the chosen matter beats the runner-up, in words: the kind of evidence where it leads most. */
function preferenceReason(best: RankedMatter, second: RankedMatter): string {
  const closed = second.matter.status === "closed" && best.matter.status === "open" ? `, which is closed` : "";
  let lead: Kind | null = null;
  let gap = 0.25;
  for (const k of KINDS) {
    const d = best.e.byKind[k] - second.e.byKind[k];
    if (d > gap) {
      gap = d;
      lead = k;
    }
  }
  const why: Record<Kind, string> = {
    ref: "the message cites this matter",
    thread: "the thread was logged to this matter",
    opposing: "the other side's lawyers on this matter are in the mail",
    address: "the addresses point to this matter's client",
    history: "more of this sender's mail was filed to it",
    words: "the message's words are specific to it",
  };
  // Against a closed matter, general evidence wins because the matter is closed: say only that.
  if (lead && (!closed || lead === "ref" || lead === "thread" || lead === "opposing"))
    return `Preferred over ${second.matter.number}${closed}: ${why[lead]}`;
  return closed ? `Preferred over ${second.matter.number}${closed}` : `Preferred over ${second.matter.number}: stronger evidence overall`;
}

/** A client's contact found by name for a sender whose address the directory does not know. */
type NamedContact = { readonly contact: { readonly name: string }; readonly clientId: string };

/** "Sam Ortiz of Tidewell Foods Inc": a contact as the reasons name them. */
function contactLabel(index: DirectoryIndex, found: NamedContact): string {
  return `${found.contact.name} of ${index.clientById.get(found.clientId)?.name ?? found.clientId}`;
}

/** The note that leads the reasons when a contact writes from an address the directory does not know. */
function personalNote(index: DirectoryIndex, found: NamedContact, from: string): { clientId: string; text: string } {
  return { clientId: found.clientId, text: `${contactLabel(index, found)} writes from an address not in the directory (${from})` };
}

/** The sender counts for the contact's client as a known address would (`W.contact`). */
function addNamedContact(acc: Accumulator, found: NamedContact, from: string): void {
  addClient(acc, found.clientId, W.contact, `${from} carries the name of ${contactLabel(acc.index, found)}`, true);
}

/** The personal-address note for `clientId`, when there is one. A module function: a closure would be made on every call. */
function personalFor(personal: { clientId: string; text: string } | null, clientId: string | null): string[] {
  return personal && personal.clientId === clientId ? [personal.text] : [];
}

/** `first` then `rest`, without repeating a line. */
function withFirst(first: readonly string[], rest: readonly string[]): string[] {
  return first.length ? [...first, ...rest.filter((r) => !first.includes(r))] : [...rest];
}

/**
 * Reason texts strongest first, each fact once: a single word already inside a longer phrase of the
 * same evidence ("names “Larchfield”" beside "names “Larchfield Homes”") is folded into it.
 */
function reasonTexts(reasons: readonly Reason[]): string[] {
  const kept: Reason[] = [];
  for (const r of reasons) {
    if (r.words && r.words.length === 1) {
      const w = r.words[0];
      const host = reasons.find((o) => o !== r && o.words && o.words.length > 1 && o.words.includes(w));
      if (host) continue;
    }
    kept.push(r);
  }
  // Stable: equal weights keep the order found (subject before message before quoted history).
  return kept
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.weight - a.r.weight || a.i - b.i)
    .map((x) => x.r.text);
}

/** References and phrases found in one text. */
export interface TextScan {
  readonly refs: readonly RefHit[];
  readonly phrases: readonly PhraseTarget[];
}

const NO_SCAN: TextScan = { refs: [], phrases: [] };

// The same words for the same owner count once per message, whichever group (plain or acronym) found them.
const phraseKeys = new WeakMap<PhraseTarget, string>();

function phraseKey(p: PhraseTarget): string {
  let key = phraseKeys.get(p);
  if (key === undefined) {
    key = `${p.kind}:${p.id}:${p.words.join(" ")}`;
    phraseKeys.set(p, key);
  }
  return key;
}

function scanText(index: DirectoryIndex, text: string, referencesOnly: boolean): TextScan {
  if (!text) return NO_SCAN;
  if (referencesOnly) return { refs: findRefs(index, text), phrases: [] };
  const scan = findRefsAndPhrases(index, text);
  // A digit-free alias (a deal's code name) is found as a phrase and counts as a reference to its matter.
  if (!scan.phrases.some((p) => p.kind === "alias")) return scan;
  const refs = [...scan.refs];
  for (const p of scan.phrases)
    if (p.kind === "alias" && !refs.some((r) => r.matterId === p.id)) refs.push({ matterId: p.id, text: p.label, label: null });
  return { refs, phrases: scan.phrases.filter((p) => p.kind !== "alias") };
}

/** What recognition has gathered so far for one message. */
interface Accumulator {
  readonly index: DirectoryIndex;
  readonly matters: Map<string, Evidence>;
  /** Client id → facts about the client (its contact wrote, its domain, its name), for abstentions. */
  readonly clientReasons: Map<string, Reason[]>;
  readonly clientEvidence: Map<string, number>;
}

interface AddOptions {
  readonly firm?: boolean;
  readonly anchor?: boolean;
  readonly discount?: boolean;
  readonly history?: boolean;
  readonly kind: Kind;
  /** Identifies the fact when several findings state it (a reference in the subject and the text); defaults to the text. */
  readonly key?: string;
  readonly words?: readonly string[];
}

// Module-level helpers rather than closures made on every call: recognition runs per message, often in bulk.
function ev(acc: Accumulator, matterId: string): Evidence {
  let e = acc.matters.get(matterId);
  if (!e) {
    e = {
      score: 0,
      history: 0,
      firm: false,
      anchored: false,
      reasons: [],
      byKind: { ref: 0, thread: 0, address: 0, history: 0, opposing: 0, words: 0 },
    };
    acc.matters.set(matterId, e);
  }
  return e;
}

/** Adds `weight` to the fact `key` in `list` (creating it), keeping the wording of its strongest finding. */
function noteReason(list: Reason[], key: string, text: string, weight: number, words?: readonly string[]): void {
  const r = list.find((x) => x.key === key);
  if (!r) list.push({ key, text, weight, top: weight, ...(words ? { words } : {}) });
  else {
    r.weight += weight;
    if (weight > r.top) {
      r.top = weight;
      r.text = text;
    }
  }
}

function addMatter(acc: Accumulator, id: string, weight: number, reason: string, opts: AddOptions): void {
  const matter = acc.index.matterById.get(id);
  if (!matter) return;
  const e = ev(acc, id);
  const w = opts.discount !== false && !opts.firm && matter.status === "closed" ? weight * W.closedFactor : weight;
  e.score += w;
  e.byKind[opts.kind] += w;
  if (opts.history) e.history += w;
  if (opts.firm) e.firm = true;
  if (opts.anchor || opts.firm) e.anchored = true;
  noteReason(e.reasons, opts.key ?? reason, reason, w, opts.words);
}

function addClient(acc: Accumulator, clientId: string, weight: number, reason: string, anchor: boolean, words?: readonly string[]): void {
  acc.clientEvidence.set(clientId, Math.max(acc.clientEvidence.get(clientId) ?? 0, weight));
  let facts = acc.clientReasons.get(clientId);
  if (!facts) {
    facts = [];
    acc.clientReasons.set(clientId, facts);
  }
  noteReason(facts, reason, reason, weight, words);
  // A client's name in the text is words, not an address, when explaining a preference.
  const kind: Kind = words ? "words" : "address";
  for (const m of acc.index.mattersByClient.get(clientId) ?? [])
    addMatter(acc, m.id, weight, reason, { anchor, kind, ...(words ? { words } : {}) });
}

function confidenceOf(score: number, rival: number): number {
  if (score <= 0) return 0;
  const strength = 1 - Math.exp(-score / 3.5);
  const separation = Math.max(0, 1 - rival / score);
  return Math.round(strength * Math.sqrt(separation) * 1000) / 1000;
}

function singleClientOf(ids: readonly string[]): string | null {
  const set = new Set(ids);
  return set.size === 1 ? (ids[0] ?? null) : null;
}

/**
 * Adds who wrote, last, when no reason says it already: an address fact ("jane@… is a contact of …") names the
 * sender, and my own or a colleague's mail needs no note. An automatic reply is always said.
 */
function withSender(reasons: readonly string[], role: SenderRole, from: string, autoReply: boolean): string[] {
  const domain = emailDomain(from);
  const named = reasons.some(
    (r) => (from !== "" && r.startsWith(`${from} `)) || (domain !== "" && r.startsWith(`${domain} `)) || r.includes(`(${from})`),
  );
  const notes: string[] = [];
  if (!named) {
    switch (role) {
      case "client":
        notes.push(`Sender ${from} is a client contact`);
        break;
      case "opposing_counsel":
        notes.push(`Sender ${from} acts for the other side`);
        break;
      case "court":
        notes.push(`Sender ${from} is a court or e-filing service`);
        break;
      case "bulk":
        notes.push(`Sender ${from} sends bulk or automated mail`);
        break;
      case "unknown":
        notes.push(from ? `Sender ${from} is not in the directory` : "No sender address");
        break;
      default:
        break; // me, colleague: the direction already says it
    }
  }
  if (autoReply) notes.push("Automatic reply");
  return [...reasons, ...notes];
}
