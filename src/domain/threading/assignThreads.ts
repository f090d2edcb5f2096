import type { MailMessage } from "@domain/model/mail";

const PREFIX =
  /^\s*(?:(?:re|aw|sv|vs|antw|r|ref|rif)(?:\[\d+\])?\s*:|(?:fwd?|fw|wg|tr|rv|enc|vs|doorst)(?:\[\d+\])?\s*:|\[[^\]]{0,40}\]\s*(?=(?:re|fwd?|fw)\s*:))\s*/i;
const FORWARD = /^\s*(?:fwd?|fw|wg|tr|rv|enc|doorst)(?:\[\d+\])?\s*:/i;
const REPLY = /^\s*(?:re|aw|sv|antw|r|ref|rif)(?:\[\d+\])?\s*:/i;

/** Subject without reply/forward prefixes (Re:, RE:, Fwd:, FW:, AW:, WG: …, repeated), otherwise as written. */
export function withoutSubjectPrefixes(subject: string): string {
  let s = subject;
  for (let i = 0; i < 10; i++) {
    const next = s.replace(PREFIX, "");
    if (next === s) break;
    s = next;
  }
  return s;
}

/** Subject without reply/forward prefixes (see {@link withoutSubjectPrefixes}), whitespace collapsed, lower-cased. */
export function normalizeSubject(subject: string): string {
  return withoutSubjectPrefixes(subject).replace(/\s+/g, " ").trim().toLowerCase();
}

/** True when the subject marks a forward (FW:, Fwd:, WG: …): a forward starts its own thread. */
export function isForwardSubject(subject: string): boolean {
  return FORWARD.test(subject);
}

function participants(m: MailMessage): string[] {
  return [m.from?.email ?? "", ...m.to.map((a) => a.email), ...m.cc.map((a) => a.email)].filter(Boolean);
}

/**
 * Threads messages that carry no Graph conversation id (.eml files). Links come first: a message
 * joins the thread of any Message-ID in its In-Reply-To or References (even one missing from the
 * set, which links its siblings). A message with no links whose subject is a reply ("Re: x") joins
 * the latest earlier thread with the same normalized subject that shares a participant. A forward
 * always starts a new thread, because forwarding is how mail moves to a new audience.
 *
 * Returns message id (`MailMessage.id`) → thread id (the id of the thread's earliest message).
 */
export function assignThreads(messages: readonly MailMessage[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) as string;
    let cur = x;
    while (cur !== root) {
      const next = parent.get(cur) as string;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const order = messages
    .map((m, i) => ({ m, i, t: m.sentAt ? Date.parse(m.sentAt) : Number.NaN }))
    .sort((a, b) => (Number.isNaN(a.t) || Number.isNaN(b.t) ? a.i - b.i : a.t - b.t || a.i - b.i));
  const key = (m: MailMessage): string => m.internetMessageId ?? m.id;
  for (const { m } of order) parent.set(key(m), key(m));
  const forwards = new Set(messages.filter((m) => isForwardSubject(m.subject)).map(key));
  const bySubject = new Map<string, { root: string; people: Set<string> }>();
  for (const { m } of order) {
    const k = key(m);
    // References run oldest first; a forward in the chain cuts it, so a reply to a forward
    // stays in the forward's thread instead of merging back into the forwarded one.
    let chain = [...(m.references ?? []), m.inReplyTo ?? null].filter((x): x is string => !!x && x !== k);
    let cut = -1;
    chain.forEach((id, i) => {
      if (forwards.has(id)) cut = i;
    });
    if (cut >= 0) chain = chain.slice(cut);
    const links = chain;
    const forward = forwards.has(k);
    if (!forward) {
      for (const l of links) {
        if (!parent.has(l)) parent.set(l, l);
        union(l, k);
      }
      if (links.length === 0 && REPLY.test(m.subject)) {
        const prior = bySubject.get(normalizeSubject(m.subject));
        if (prior && participants(m).some((p) => prior.people.has(p))) union(prior.root, k);
      }
    }
    const subj = normalizeSubject(m.subject);
    if (subj) {
      const entry = bySubject.get(subj);
      const people = new Set(participants(m));
      if (entry && find(entry.root) === find(k)) for (const p of people) entry.people.add(p);
      else bySubject.set(subj, { root: k, people });
    }
  }
  // Thread id: the earliest message of each group, stable whatever order files come in.
  const earliest = new Map<string, string>();
  for (const { m } of order) {
    const r = find(key(m));
    if (!earliest.has(r)) earliest.set(r, key(m));
  }
  const result = new Map<string, string>();
  for (const m of messages) result.set(m.id, earliest.get(find(key(m))) as string);
  return result;
}
