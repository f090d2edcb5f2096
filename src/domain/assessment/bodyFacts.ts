import type { MailMessage } from "@domain/model/mail";
import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import { mayBeClient, readRecognitionText, type RecognitionText, type TextScan } from "@domain/recognition/recognize";
import type { RefHit } from "@domain/recognition/scanText";
import type { SenderRole } from "@domain/recognition/types";
import type { PhraseTarget } from "@domain/directory/directoryIndex";
import { readMail, type MailReading } from "@domain/language/reading";
import { FIXED_NEEDS_REPLY_REASONS } from "@domain/language/needsReply";
import { INTENTS, type Intent } from "@domain/language/intentTypes";
import { describeSignal } from "@domain/language/tone";
import { THREAD_CHASING_MIN, threadChasingQuote, type ThreadContext, type UnhappySignal } from "@domain/language/unhappySignals";

/**
 * Version of what {@link readBodyFacts} computes. Raise it whenever recognition's body reading or the language reading
 * changes what it decides: facts kept under another version are stale and must be read again from the body.
 */
export const BODY_FACTS_VERSION = 9;

/**
 * A language reading as kept: the reasons of unhappiness are told from its signs; the intent's reasons are not kept
 * (nothing that reads scanned mail shows them).
 */
export interface KeptReading {
  readonly intent: Intent;
  readonly signals: readonly UnhappySignal[];
  readonly needsReply: boolean;
  readonly needsReplyReason: string;
  readonly newWork: boolean;
  readonly intentOnOpenMatter: Intent;
}

/**
 * Everything the assessment takes from a message's body, read once with the body (JSON-safe, no body text):
 * recognition's references, phrases and sender role, and the language reading twice, since the conversation can
 * change it: without the thread's sign (fewer than {@link THREAD_CHASING_MIN} earlier unanswered messages) and with
 * it (`chased`, the fields that differ, its signs told for {@link THREAD_CHASING_MIN}). A message that cannot be read
 * keeps the error, reported when it is assessed.
 */
export type BodyFacts =
  | {
      readonly text: RecognitionText;
      readonly reading: KeptReading;
      readonly chased: Partial<KeptReading> & { readonly signals: readonly UnhappySignal[] };
    }
  | { readonly error: string };

function keep(reading: MailReading): KeptReading {
  return {
    intent: reading.intent,
    signals: reading.unhappySignals,
    needsReply: reading.needsReply,
    needsReplyReason: reading.needsReplyReason,
    newWork: reading.newWork,
    intentOnOpenMatter: reading.intentOnOpenMatter,
  };
}

/**
 * Reads the body of `message` once for {@link assessMessageFromFacts}: `owners` are the mailbox's owner addresses
 * (whose mail is "mine"), `index` the directory the facts hold for.
 */
export function readBodyFacts(message: MailMessage, index: DirectoryIndex, owners: readonly string[]): BodyFacts {
  try {
    const text = readRecognitionText(message, index, owners);
    const plain = keep(readMail(message, { thread: { earlierUnanswered: 0 } }));
    const chasedFull = keep(readMail(message, { thread: { earlierUnanswered: THREAD_CHASING_MIN } }));
    // Only what the thread's sign changes is kept twice.
    const chased = {
      signals: chasedFull.signals,
      ...(chasedFull.intent !== plain.intent ? { intent: chasedFull.intent } : {}),
      ...(chasedFull.needsReply !== plain.needsReply ? { needsReply: chasedFull.needsReply } : {}),
      ...(chasedFull.needsReplyReason !== plain.needsReplyReason ? { needsReplyReason: chasedFull.needsReplyReason } : {}),
      ...(chasedFull.newWork !== plain.newWork ? { newWork: chasedFull.newWork } : {}),
      ...(chasedFull.intentOnOpenMatter !== plain.intentOnOpenMatter ? { intentOnOpenMatter: chasedFull.intentOnOpenMatter } : {}),
    };
    return { text, reading: plain, chased };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The reading `readMail` gives for the conversation `thread`, from kept facts: the thread's count enters the reading
 * only through its one sign (`threadChasingQuote`), so the reading kept for {@link THREAD_CHASING_MIN} is told again
 * with the true count.
 */
export function readingFromFacts(facts: Exclude<BodyFacts, { error: string }>, thread: ThreadContext): MailReading {
  const n = thread.earlierUnanswered;
  let kept: KeptReading = facts.reading;
  if (n >= THREAD_CHASING_MIN) {
    const quote = threadChasingQuote(THREAD_CHASING_MIN);
    const signals = facts.chased.signals.map((s) =>
      s.kind === "repeated chasing" && s.quote === quote ? { kind: s.kind, quote: threadChasingQuote(n) } : s,
    );
    kept = { ...facts.reading, ...facts.chased, signals };
  }
  return {
    intent: kept.intent,
    intentReasons: [],
    unhappy: kept.signals.length > 0,
    unhappySignals: kept.signals,
    unhappyReasons: kept.signals.map(describeSignal),
    needsReply: kept.needsReply,
    needsReplyReason: kept.needsReplyReason,
    newWork: kept.newWork,
    intentOnOpenMatter: kept.intentOnOpenMatter,
  };
}

/** A signal as kept: [kind, the client's words]. */
type PackedSignal = readonly [UnhappySignal["kind"], string];

/** A text scan as kept: references as [matter id, text, label], phrases by their place in the directory index. */
interface PackedScan {
  readonly r?: readonly (readonly [string, string, RefHit["label"]])[];
  /** "<group>.<target>.<first word>" in `phrasesByFirstWord`, or the whole target when it is not found there. */
  readonly p?: readonly (string | PhraseTarget)[];
}

/** The intent's reasons are not kept: nothing that reads scanned mail shows them (the assessment has none). */
interface PackedReading {
  /** The intent's place in `INTENTS`. */
  readonly i: number;
  readonly s?: readonly PackedSignal[];
  /** Needs a reply (left out when it does not). */
  readonly nr?: 1;
  /** The needs-reply reason: its place in `FIXED_NEEDS_REPLY_REASONS` when it is one of those, else its words. */
  readonly why: number | string;
  /** Asks for new work (left out when it does not). */
  readonly nw?: 1;
  /** The intent on an open matter, its place in `INTENTS` (left out when it is the intent). */
  readonly om?: number;
}

/** What the chased reading changes: `nr` and `nw` are 0 when the thread's sign takes them away. */
type PackedChase = Partial<Omit<PackedReading, "nr" | "nw">> & { readonly nr?: 0 | 1; readonly nw?: 0 | 1 };

function packIntent(intent: Intent): number {
  const code = INTENTS.indexOf(intent);
  if (code < 0) throw new Error(`Unknown intent ${intent}.`);
  return code;
}

function unpackIntent(code: number): Intent {
  const intent = INTENTS[code];
  if (intent === undefined) throw new Error("Its stored reading names an unknown intent; the next scan reads it again.");
  return intent;
}

/** A needs-reply reason as kept: a fixed one by its code, the asking words as they are. */
function packWhy(reason: string): number | string {
  const code = FIXED_NEEDS_REPLY_REASONS.indexOf(reason);
  return code >= 0 ? code : reason;
}

function unpackWhy(why: number | string): string {
  if (typeof why === "string") return why;
  const reason = FIXED_NEEDS_REPLY_REASONS[why];
  if (reason === undefined) throw new Error("Its stored reading names an unknown reason; the next scan reads it again.");
  return reason;
}

/**
 * {@link BodyFacts} as a scan stores them, one per message of a mailbox's window: short keys, nothing empty, the
 * directory's phrases named by their place in its index (the facts only hold for that directory anyway), and the
 * chased reading only where it differs from the plain one plus the thread's sign. Mail from a sender who can never be
 * a client ({@link mayBeClient}: a colleague, the court, …) keeps only the role: it is never on the reply clock, so
 * nothing reads the rest ({@link isNeverFromClient}).
 */
export type PackedFacts =
  | {
      readonly role: SenderRole;
      readonly opp?: readonly string[];
      readonly auto?: 1;
      readonly n?: PackedScan;
      readonly f?: PackedScan;
      readonly q?: PackedScan;
      readonly sig?: readonly (readonly [string, string, RefHit["label"]])[];
      readonly r: PackedReading;
      readonly c?: PackedChase;
    }
  | { readonly role: SenderRole; readonly r?: undefined }
  | { readonly error: string };

/** True when `packed` is of a sender who can never be a client: its message is not assessed (it holds only the role). */
export function isNeverFromClient(packed: PackedFacts): boolean {
  return !("error" in packed) && !mayBeClient(packed.role);
}

const packRefs = (refs: readonly RefHit[]) => refs.map((h) => [h.matterId, h.text, h.label] as const);
const unpackRefs = (refs: readonly (readonly [string, string, RefHit["label"]])[] | undefined): RefHit[] =>
  (refs ?? []).map(([matterId, text, label]) => ({ matterId, text, label }));

function packPhrase(p: PhraseTarget, index: DirectoryIndex): string | PhraseTarget {
  const groups = index.phrasesByFirstWord.get(p.words[0]) ?? [];
  for (let g = 0; g < groups.length; g++) {
    const t = groups[g].targets.indexOf(p);
    if (t >= 0) return `${g}.${t}.${p.words[0]}`;
  }
  return p;
}

function unpackPhrase(p: string | PhraseTarget, index: DirectoryIndex): PhraseTarget {
  if (typeof p !== "string") return p;
  const [g, t] = p.split(".", 2).map(Number);
  const word = p.slice(p.indexOf(".", p.indexOf(".") + 1) + 1);
  const target = index.phrasesByFirstWord.get(word)?.[g]?.targets[t];
  if (!target) throw new Error("Its stored reading no longer matches the directory; the next scan reads it again.");
  return target;
}

function packScan(scan: TextScan, index: DirectoryIndex): PackedScan | undefined {
  if (!scan.refs.length && !scan.phrases.length) return undefined;
  return {
    ...(scan.refs.length ? { r: packRefs(scan.refs) } : {}),
    ...(scan.phrases.length ? { p: scan.phrases.map((p) => packPhrase(p, index)) } : {}),
  };
}

function unpackScan(scan: PackedScan | undefined, index: DirectoryIndex): TextScan {
  return { refs: unpackRefs(scan?.r), phrases: (scan?.p ?? []).map((p) => unpackPhrase(p, index)) };
}

function packReading(r: KeptReading): PackedReading {
  return {
    i: packIntent(r.intent),
    ...(r.signals.length ? { s: r.signals.map((s) => [s.kind, s.quote] as const) } : {}),
    ...(r.needsReply ? { nr: 1 as const } : {}),
    why: packWhy(r.needsReplyReason),
    ...(r.newWork ? { nw: 1 as const } : {}),
    ...(r.intentOnOpenMatter !== r.intent ? { om: packIntent(r.intentOnOpenMatter) } : {}),
  };
}

const unpackSignals = (s: readonly PackedSignal[] | undefined): UnhappySignal[] => (s ?? []).map(([kind, quote]) => ({ kind, quote }));

const sameSignals = (a: readonly UnhappySignal[], b: readonly UnhappySignal[]) =>
  a.length === b.length && a.every((s, i) => s.kind === b[i].kind && s.quote === b[i].quote);

/** The chased reading's signs when nothing but the thread's sign is added: the plain ones, then the thread's. */
const defaultChasedSignals = (plain: readonly UnhappySignal[]): UnhappySignal[] => [
  ...plain,
  { kind: "repeated chasing", quote: threadChasingQuote(THREAD_CHASING_MIN) },
];

/** Packs facts for storage (see {@link PackedFacts}); `index` is the directory they were read with. */
export function packBodyFacts(facts: BodyFacts, index: DirectoryIndex): PackedFacts {
  if ("error" in facts) return { error: facts.error };
  const { text, reading, chased } = facts;
  if (!mayBeClient(text.role)) return { role: text.role };
  const n = packScan(text.newText, index);
  const f = packScan(text.forwarded, index);
  const q = packScan(text.quoted, index);
  const c: { -readonly [K in keyof PackedChase]: PackedChase[K] } = {};
  if (!sameSignals(chased.signals, defaultChasedSignals(reading.signals))) c.s = chased.signals.map((s) => [s.kind, s.quote] as const);
  if (chased.intent !== undefined) c.i = packIntent(chased.intent);
  if (chased.needsReply !== undefined) c.nr = chased.needsReply ? 1 : 0;
  if (chased.needsReplyReason !== undefined) c.why = packWhy(chased.needsReplyReason);
  if (chased.newWork !== undefined) c.nw = chased.newWork ? 1 : 0;
  if (chased.intentOnOpenMatter !== undefined) c.om = packIntent(chased.intentOnOpenMatter);
  return {
    role: text.role,
    ...(text.opposingMatters.length ? { opp: text.opposingMatters } : {}),
    ...(text.autoReply ? { auto: 1 as const } : {}),
    ...(n ? { n } : {}),
    ...(f ? { f } : {}),
    ...(q ? { q } : {}),
    ...(text.signatureRefs.length ? { sig: packRefs(text.signatureRefs) } : {}),
    r: packReading(reading),
    ...(Object.keys(c).length ? { c } : {}),
  };
}

/** The facts a {@link PackedFacts} stands for, with the directory index they were packed with. */
export function unpackBodyFacts(packed: PackedFacts, index: DirectoryIndex): BodyFacts {
  if ("error" in packed) return { error: packed.error };
  if (packed.r === undefined) throw new Error("Only its sender's role was kept (never a client's mail); it is not assessed.");
  const plainSignals = unpackSignals(packed.r.s);
  const reading: KeptReading = {
    intent: unpackIntent(packed.r.i),
    signals: plainSignals,
    needsReply: packed.r.nr === 1,
    needsReplyReason: unpackWhy(packed.r.why),
    newWork: packed.r.nw === 1,
    intentOnOpenMatter: packed.r.om !== undefined ? unpackIntent(packed.r.om) : unpackIntent(packed.r.i),
  };
  const c = packed.c ?? {};
  return {
    text: {
      role: packed.role,
      opposingMatters: packed.opp ?? [],
      autoReply: packed.auto === 1,
      newText: unpackScan(packed.n, index),
      forwarded: unpackScan(packed.f, index),
      quoted: unpackScan(packed.q, index),
      signatureRefs: unpackRefs(packed.sig),
    },
    reading,
    chased: {
      signals: c.s ? unpackSignals(c.s) : defaultChasedSignals(plainSignals),
      ...(c.i !== undefined ? { intent: unpackIntent(c.i) } : {}),
      ...(c.nr !== undefined ? { needsReply: c.nr === 1 } : {}),
      ...(c.why !== undefined ? { needsReplyReason: unpackWhy(c.why) } : {}),
      ...(c.nw !== undefined ? { newWork: c.nw === 1 } : {}),
      ...(c.om !== undefined ? { intentOnOpenMatter: unpackIntent(c.om) } : {}),
    },
  };
}
