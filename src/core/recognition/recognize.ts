import type { MailMessage } from "../model/mail";
import { emailDomain } from "../model/mail";
import type { Matter } from "../directory/types";
import { isFirmAddress } from "../directory/directoryIndex";
import type { DirectoryIndex } from "../directory/directoryIndex";
import { isPublicMailDomain } from "../directory/publicDomains";
import { splitMessageText } from "../text/newText";
import { findRefs, findRefsAndPhrases } from "./scanText";
import type { RefHit } from "./scanText";
import type { PhraseTarget } from "../directory/directoryIndex";
import { directionOf, isAutomated, senderRoleOf } from "./senderRole";
import type { Recognition, RecognitionCandidate, RecognitionContext, SenderRole } from "./types";

/**
 * Signal weights. A reference outweighs everything; the thread comes next; addresses and history
 * say "which client", and words say "which of the client's matters". Matter-picking words are
 * discounted on closed matters, because new mail from a client is far more often about open work.
 */
const W = {
  refSubject: 10, refNew: 8, refSignature: 6, refQuoted: 3, refOwnLabel: 3, refOtherLabel: -4,
  thread: 7, contact: 4, domain: 3, historyMax: 3, opposingEmail: 5, opposingDomain: 4, clientName: 1.5,
  closedFactor: 0.4,
} as const;
const WHERE = { subject: 1.5, new: 1, forwarded: 1, quoted: 0.3 } as const;
/** Below this, recognition abstains: filing to the wrong matter is a confidentiality breach. */
export const MATTER_CONFIDENCE_THRESHOLD = 0.5;
const MIN_SCORE = 3.5;
/** Older history deeper in a long reply chain says little and would cost time on every message. */
const QUOTED_SCAN_CHARS = 3000;

interface Evidence {
  score: number;
  /** The part of the score that comes from filing history. */
  history: number;
  /** Matter-specific evidence strong enough to file even a closed matter. */
  firm: boolean;
  anchored: boolean;
  reasons: string[];
}

function label(matter: Matter | undefined): string {
  return matter ? matter.number : "?";
}

/**
 * Decides which client and matter a message belongs to, with reasons, or abstains and says what
 * would decide it. Cost is proportional to the message, never to the directory: every lookup goes
 * through the prebuilt DirectoryIndex.
 */
export function recognize(message: MailMessage, context: RecognitionContext): Recognition {
  const { index } = context;
  const me = context.me.map((m) => m.toLowerCase());
  const parts = splitMessageText(message.bodyText, message.subject);
  const direction = directionOf(index, message);
  const { role, opposingMatters } = senderRoleOf(index, message, me, parts.newText);
  const from = (message.from?.email ?? "").toLowerCase();
  const auto = isAutomated(message);

  const acc: Accumulator = { index, matters: new Map(), clientReasons: [], clientEvidence: new Map() };
  const { matters, clientReasons, clientEvidence } = acc;

  // 1. References: subject, own text, forwarded text, signature ("Our ref:" often sits there), quoted history.
  const quoted = parts.quoted.length > QUOTED_SCAN_CHARS ? parts.quoted.slice(0, QUOTED_SCAN_CHARS) : parts.quoted;
  // Bulk senders' own words say nothing (see 6.); everyone else's texts are read once for references and phrases.
  const bulk = role === "bulk";
  const subjectScan = scanText(index, message.subject, bulk);
  const newScan = scanText(index, parts.newText, bulk);
  const forwardedScan = scanText(index, parts.forwarded, bulk);
  const quotedScan = scanText(index, quoted, bulk);
  const refSources: [readonly RefHit[], number, string][] = [
    [subjectScan.refs, W.refSubject, "subject cites"],
    [newScan.refs, W.refNew, "text cites"],
    [forwardedScan.refs, W.refNew, "forwarded text cites"],
    [parts.signature ? findRefs(index, parts.signature) : [], W.refSignature, "signature cites"],
    [quotedScan.refs, W.refQuoted, "quoted history cites"],
  ];
  for (const [found, weight, what] of refSources) {
    for (const hit of found) {
      const m = index.matterById.get(hit.matterId);
      const adjust = hit.label === "own" ? W.refOwnLabel : hit.label === "other" ? W.refOtherLabel : 0;
      const phrase = hit.label === "own" ? `${what} our reference` : hit.label === "other" ? `${what} in passing` : what;
      addMatter(acc, hit.matterId, weight + adjust, `${phrase} ${hit.text}${m && hit.text !== m.number ? ` (matter ${m.number})` : ""}`, { firm: true });
    }
  }

  // 2. The thread: a message of this conversation was already logged.
  const threadIds = new Set(context.threadMatterIds ?? []);
  const logged = message.conversationId ? context.history?.byConversation.get(message.conversationId) : undefined;
  if (logged) threadIds.add(logged);
  if (message.loggedMatterId) threadIds.add(message.loggedMatterId);
  for (const id of threadIds) addMatter(acc, id, W.thread, `same thread as a message logged to ${label(index.matterById.get(id))}`, { firm: true });

  // 3–5. Addresses: client contacts, filing history, client domains, the other side.
  // Bulk senders' own addresses say nothing; only references and the thread count for them.
  const outside = direction === "inbound" ? [from] : [...message.to, ...message.cc].map((a) => a.email.toLowerCase()).filter((e) => !isFirmAddress(index, e));
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
            addClient(acc, clientId, W.domain, `${domain} is the domain of ${index.clientById.get(clientId)?.name ?? clientId}`, true);
          }
        }
      }
      const filed = context.history?.byAddress.get(addr);
      if (filed) {
        let total = 0;
        for (const n of filed.values()) total += n;
        for (const [matterId, n] of filed) {
          const who = direction === "inbound" ? "sender" : addr;
          addMatter(acc, matterId, W.historyMax * (n / total), `${who} filed to this matter ${n} time${n === 1 ? "" : "s"}`, { anchor: true, history: true });
        }
      }
      const opp = index.opposingByEmail.get(addr);
      if (opp) for (const id of opp) addMatter(acc, id, W.opposingEmail / opp.length, `${addr} acts for the other side in ${label(index.matterById.get(id))}`, { anchor: true, discount: false });
      else {
        const domain = emailDomain(addr);
        const byDomain = index.opposingByDomain.get(domain);
        if (byDomain) for (const id of byDomain) addMatter(acc, id, W.opposingDomain / byDomain.length, `${domain} is the other side's domain in ${label(index.matterById.get(id))}`, { anchor: true, discount: false });
      }
    }
    if (role === "opposing_counsel" && direction === "inbound") for (const id of opposingMatters) ev(acc, id).anchored = true;
  }

  // 6. Words: keywords, party names and client names, weighted by where they appear.
  if (!bulk) {
    // Courts, colleagues and I name the parties rather than write from a client address.
    const namesAnchor = role === "court" || role === "colleague" || role === "me" || role === "opposing_counsel" || direction !== "inbound";
    const textSources: [readonly PhraseTarget[], number, string][] = [
      [subjectScan.phrases, WHERE.subject, "subject"],
      [newScan.phrases, WHERE.new, "text"],
      [forwardedScan.phrases, WHERE.forwarded, "forwarded text"],
      [quotedScan.phrases, WHERE.quoted, "quoted history"],
    ];
    const seen = new Set<string>();
    for (const [found, factor, where] of textSources) {
      for (const p of found) {
        const key = phraseKey(p);
        if (seen.has(key)) continue; // once per phrase, at its strongest place (sources run strongest first)
        seen.add(key);
        if (p.kind === "client") {
          const name = index.clientById.get(p.id)?.name ?? p.label;
          if (namesAnchor || clientEvidence.has(p.id)) addClient(acc, p.id, W.clientName * factor, `${where} names ${name}`, namesAnchor && factor >= 1);
        } else {
          const what = p.kind === "party" ? "names" : "mentions";
          addMatter(acc, p.id, p.weight * factor, `${where} ${what} "${p.label}"`, { anchor: p.kind === "party" && namesAnchor && factor >= 1 });
        }
      }
    }
  }

  // Rank. Words alone never file a message: a candidate needs an address, reference or thread behind it.
  const ranked = [...matters.entries()]
    .map(([id, e]) => ({ id, e, matter: index.matterById.get(id) as Matter }))
    .sort((a, b) => b.e.score - a.e.score || (a.matter.status === b.matter.status ? 0 : a.matter.status === "open" ? -1 : 1));
  const best = ranked[0];
  const second = ranked[1];
  const candidates: RecognitionCandidate[] = ranked.slice(0, 5).map((r, i) => ({
    matterId: r.id, clientId: r.matter.clientId, score: Math.round(r.e.score * 100) / 100,
    confidence: confidenceOf(r.e.score, i === 0 ? (second?.e.score ?? 0) : ranked[0].e.score),
    reasons: r.e.reasons,
  }));

  const roleReason = describeRole(role, from, auto.autoReply);
  // The client the addresses point to, even when no matter is chosen.
  const addressClient = [...clientEvidence.entries()].filter(([, w]) => w >= W.domain).sort((a, b) => b[1] - a[1]);
  const soleAddressClient = addressClient.length === 1 || (addressClient.length > 1 && addressClient[0][1] > addressClient[1][1]) ? addressClient[0][0] : null;

  let abstainWhy: string | null = null;
  let hint: string | undefined;
  const confidence = best ? confidenceOf(best.e.score, second?.e.score ?? 0) : 0;
  if (!best) abstainWhy = "nothing in the directory matches this message";
  else if (!best.e.anchored) {
    abstainWhy = `only words point to ${best.matter.number}; no reference, thread or known address ties the message to it`;
    hint = "a matter reference, a reply in a logged thread, or a sender who is a known contact would decide it";
  } else if (best.matter.status === "closed" && !best.e.firm) {
    abstainWhy = `${best.matter.number} is closed and only general signals point to it`;
    hint = "this may be new work: open a matter, or cite the old matter's reference to file it there";
  } else if (second && second.matter.status === "open" && !best.e.firm && best.e.score - best.e.history - (second.e.score - second.e.history) < 1) {
    // Habit is not evidence about this message: an address that wrote about one matter before
    // may well write about the client's other matter now.
    abstainWhy = `only filing history separates ${best.matter.number} from ${second.matter.number}`;
    hint = `a matter reference (${best.matter.number} or ${second.matter.number}) or a word specific to one of them would decide it`;
  } else if (best.e.score < MIN_SCORE || confidence < MATTER_CONFIDENCE_THRESHOLD) {
    abstainWhy = second && second.e.score >= best.e.score * 0.6
      ? `${best.matter.number} and ${second.matter.number} are both likely (scores ${best.e.score.toFixed(1)} vs ${second.e.score.toFixed(1)})`
      : `the evidence for ${best.matter.number} is weak`;
    hint = second
      ? `a matter reference (${best.matter.number} or ${second.matter.number}) or a word specific to one of them would decide it`
      : `a matter reference or a reply in a logged thread would decide it`;
  }

  if (abstainWhy || !best) {
    // Without an address, only a strong (if split) case names the client.
    const clientId = soleAddressClient ?? singleClientOf(ranked.filter((r) => r.e.anchored && r.e.score >= MIN_SCORE).map((r) => r.matter.clientId));
    return {
      direction, senderRole: role, clientId, matterId: null, confidence: abstainWhy && best ? confidence : 0, candidates,
      reasons: [roleReason, ...clientReasons.filter((r) => clientId && r.includes(index.clientById.get(clientId)?.name ?? "\u0000")), `no matter: ${abstainWhy}`],
      abstained: best !== undefined,
      ...(hint ? { decideHint: hint } : {}),
    };
  }
  return {
    direction, senderRole: role, clientId: best.matter.clientId, matterId: best.id, confidence, candidates,
    reasons: [roleReason, ...best.e.reasons, ...(second ? [`preferred over ${second.matter.number} (${best.e.score.toFixed(1)} vs ${second.e.score.toFixed(1)})`] : [])],
    abstained: false,
  };
}

/** References and phrases found in one text. */
interface TextScan {
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
  return referencesOnly ? { refs: findRefs(index, text), phrases: [] } : findRefsAndPhrases(index, text);
}

/** What recognition has gathered so far for one message. */
interface Accumulator {
  readonly index: DirectoryIndex;
  readonly matters: Map<string, Evidence>;
  readonly clientReasons: string[];
  readonly clientEvidence: Map<string, number>;
}

interface AddOptions {
  readonly firm?: boolean;
  readonly anchor?: boolean;
  readonly discount?: boolean;
  readonly history?: boolean;
}

const NO_OPTIONS: AddOptions = {};

// Module-level helpers rather than closures made on every call: recognition runs per message, often in bulk.
function ev(acc: Accumulator, matterId: string): Evidence {
  let e = acc.matters.get(matterId);
  if (!e) {
    e = { score: 0, history: 0, firm: false, anchored: false, reasons: [] };
    acc.matters.set(matterId, e);
  }
  return e;
}

function addMatter(acc: Accumulator, id: string, weight: number, reason: string, opts: AddOptions = NO_OPTIONS): void {
  const matter = acc.index.matterById.get(id);
  if (!matter) return;
  const e = ev(acc, id);
  const w = opts.discount !== false && !opts.firm && matter.status === "closed" ? weight * W.closedFactor : weight;
  e.score += w;
  if (opts.history) e.history += w;
  if (opts.firm) e.firm = true;
  if (opts.anchor || opts.firm) e.anchored = true;
  if (!e.reasons.includes(reason)) e.reasons.push(reason);
}

function addClient(acc: Accumulator, clientId: string, weight: number, reason: string, anchor: boolean): void {
  acc.clientEvidence.set(clientId, Math.max(acc.clientEvidence.get(clientId) ?? 0, weight));
  if (!acc.clientReasons.includes(reason)) acc.clientReasons.push(reason);
  for (const m of acc.index.mattersByClient.get(clientId) ?? []) addMatter(acc, m.id, weight, reason, { anchor });
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

function describeRole(role: SenderRole, from: string, autoReply: boolean): string {
  const auto = autoReply ? " (automatic reply)" : "";
  switch (role) {
    case "me": return `sent by me (${from})`;
    case "colleague": return `sent by a colleague (${from})`;
    case "client": return `sender ${from} is a client contact${auto}`;
    case "opposing_counsel": return `sender ${from} acts for the other side`;
    case "court": return `sender ${from} is a court or e-filing service`;
    case "bulk": return `sender ${from} sends bulk or automated mail`;
    default: return `sender ${from || "(none)"} is not in the directory${auto}`;
  }
}
