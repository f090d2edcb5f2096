import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import type { Client, Directory, Matter, Person } from "@domain/directory/types";
import { proposeFollowUpDates } from "@domain/followUps/proposeDates";
import { automatedKind } from "@domain/language/automated";
import type { Intent } from "@domain/language/intentTypes";
import { readMail, readingOnOpenMatter, type MailReading } from "@domain/language/reading";
import type { ThreadContext } from "@domain/language/unhappySignals";
import type { MailMessage } from "@domain/model/mail";
import type { CurrentItem } from "@ports/mailSource";
import { recognize } from "@domain/recognition/recognize";
import { matterOfEmail } from "@domain/recognition/emailMatter";
import type { FilingHistory, Recognition } from "@domain/recognition/types";
import { firstName, suggestReplies } from "@domain/replies/suggestReplies";
import type { Draft, KnownDate } from "@domain/replies/types";
import { splitMessageText } from "@domain/text/newText";
import { createFirmCalendar, type Instant } from "@domain/time/firmCalendar";
import { NO_DIRECTORY_MESSAGE } from "@domain/errors";

/** Why a message gets no drafts, so the pane can say so plainly. */
export type NoDraftsReason = "no-directory" | "not-client" | "automatic" | "newsletter" | "no-message" | "nothing-to-suggest";

/** Everything the pane shows about replying to the open email. */
export interface ReplySuggestions {
  readonly intent: Intent | null;
  /** Why this intent, in plain words (the rule or the features that decided it). */
  readonly intentReasons: readonly string[];
  readonly negativeTone: boolean;
  /** Why the client reads as unhappy with the firm: each sign and the client's words, e.g. `repeated chasing: "the third time i have asked"`. */
  readonly toneCues: readonly string[];
  /** At most three, each from a different angle; empty when `reason` is set. */
  readonly drafts: readonly Draft[];
  readonly reason: NoDraftsReason | null;
  /** One plain sentence for the pane when there are no drafts. */
  readonly reasonText: string | null;
  /** What the drafts were personalised with. */
  readonly client: { readonly id: string; readonly name: string } | null;
  readonly contactFirstName: string | null;
  readonly matter: { readonly id: string; readonly number: string; readonly title: string } | null;
  readonly attorney: { readonly name: string; readonly email: string } | null;
  readonly nextDates: readonly KnownDate[];
}

/** What suggesting needs besides the message. Pure data: nothing is fetched, nothing leaves the device. */
export interface ReplySuggestionContext {
  /** The firm directory and its index; null before any import. */
  readonly directory: { readonly directory: Directory; readonly index: DirectoryIndex } | null;
  /** The signed-in user: signs the drafts, and is the attorney when the matter names none. */
  readonly me: { readonly email: string; readonly name: string };
  /** The moment of suggesting: drafts promise times relative to it. */
  readonly now: Instant;
  readonly history?: FilingHistory;
  /** The pane's recognition of the message being answered (`replyTarget`), so every feature names the same matter. */
  readonly recognition?: Recognition;
  /** The matter the message is logged to (`loggedMatterOf`); `matterOfEmail` lets it win over recognition. */
  readonly loggedMatterId?: string | null;
  /** What the conversation knows: earlier unanswered messages from the same client (chasing again is unhappiness). */
  readonly thread?: ThreadContext;
}

const REASON_TEXT: Record<NoDraftsReason, string> = {
  "no-directory": `${NO_DIRECTORY_MESSAGE} Reply suggestions are only made for mail from clients.`,
  "not-client": "No reply suggestions: this message is not from a client.",
  automatic: "No reply suggestions: this is an automatic message.",
  newsletter: "No reply suggestions: this is a newsletter or mailing-list message.",
  "no-message": "No reply suggestions: there is no client message to reply to.",
  "nothing-to-suggest": "No reply suggestions for this message.",
};

function none(reason: NoDraftsReason, extra: Partial<ReplySuggestions> = {}): ReplySuggestions {
  return {
    intent: null,
    intentReasons: [],
    negativeTone: false,
    toneCues: [],
    drafts: [],
    client: null,
    contactFirstName: null,
    matter: null,
    attorney: null,
    nextDates: [],
    ...extra,
    reason,
    reasonText: REASON_TEXT[reason],
  };
}

/** The person the directory knows by this address, or the signed-in user as a Person. */
function meAsPerson(directory: Directory, me: ReplySuggestionContext["me"]): Person {
  const email = me.email.toLowerCase();
  return (
    directory.people.find((p) => p.email.toLowerCase() === email) ?? {
      id: `me:${email}`,
      name: me.name || me.email,
      email,
      role: "associate",
    }
  );
}

/** The client's message in a reply being composed: the quoted history, with "> " quoting taken off. */
export function clientMessageOfDraft(draft: MailMessage, me: string): MailMessage | null {
  const parts = splitMessageText(draft.bodyText, draft.subject);
  // Before the attorney types, a reply's Outlook header block reads as a forward; after, as quoted history.
  const quoted = parts.quoted || parts.forwarded;
  const client = draft.to.find((a) => a.email.toLowerCase() !== me.toLowerCase()) ?? null;
  if (!client) return null;
  const body = quoted
    .split("\n")
    .map((l) => l.replace(/^\s*(?:>\s?)+/, ""))
    .join("\n");
  // The draft's own new text is the attorney's: only what the client wrote tells what they asked.
  return {
    ...draft,
    from: client,
    to: [{ email: me.toLowerCase() }],
    cc: [],
    bodyText: body,
    subject: draft.subject.replace(/^(?:\s*(?:re|aw|sv)\s*:\s*)+/i, ""),
  };
}

/** Dates the client's own mail names (hearings, deadlines, meetings): the ones worth repeating back. */
function knownDates(text: string, message: MailMessage, directory: Directory): KnownDate[] {
  const sentAt = message.sentAt ?? message.receivedAt;
  if (!sentAt || !text) return [];
  return proposeFollowUpDates({ text, sentAt, calendar: createFirmCalendar(directory.firm) })
    .filter((p) => p.kind === "hearing" || p.kind === "deadline" || p.kind === "meeting")
    .map((p) => ({ label: p.kind, date: p.time ? `${p.date}T${p.time}` : p.date }));
}

/**
 * Reply suggestions for one client message: its intent and tone (new text only), and up to three drafts
 * personalised with the client contact's first name, the recognised matter (never a guess: none when
 * recognition abstains), the matter's responsible attorney (else the signed-in user) and the dates the
 * message names. Non-client, automatic and newsletter mail get no drafts, with the reason in plain words.
 */
export function suggestForMessage(message: MailMessage, ctx: ReplySuggestionContext): ReplySuggestions {
  const auto = automatedKind(message);
  if (auto === "newsletter" || auto === "bulk") return none("newsletter");
  if (auto !== null) return none("automatic");
  if (!ctx.directory) return none("no-directory");
  const { directory, index } = ctx.directory;

  const parts = splitMessageText(message.bodyText, message.subject);
  const text = parts.forwarded ? `${parts.newText}\n\n${parts.forwarded}`.trim() : parts.newText;
  const words = readMail(message, { thread: ctx.thread });
  const said = (r: MailReading) => ({
    intent: r.intent,
    intentReasons: r.intentReasons,
    negativeTone: r.unhappy,
    toneCues: r.unhappyReasons,
  });
  if (words.intent === "auto_reply") return none("automatic", said(words));

  const recognition = ctx.recognition ?? recognize(message, { index, me: ctx.me.email ? [ctx.me.email] : [], history: ctx.history });
  const from = (message.from?.email ?? "").toLowerCase();
  const contact = index.contactByEmail.get(from);
  const clientId = recognition.clientId ?? contact?.clientId ?? null;
  const client: Client | null = clientId ? (index.clientById.get(clientId) ?? null) : null;
  // Who is the client is recognition's to say, as for the assessment (triage, the clock): a contact writing from an
  // address the directory does not know counts when recognition ties it to the client (senderRole.ts), and a vendor
  // quoting the matter's reference does not.
  const fromClient = recognition.senderRole === "client";
  // Unhappiness is a client's with the firm: the other side's or a stranger's hostility is not shown as that.
  if (!client || !fromClient) return none("not-client", { ...said(words), negativeTone: false, toneCues: [] });

  // A wrong matter in a reply to a client is a confidentiality breach: name one only when logged or recognition is sure.
  const { matterId } = matterOfEmail(ctx.loggedMatterId, recognition);
  const found = matterId ? index.matterById.get(matterId) : undefined;
  const matter: Matter | null = found && found.clientId === client.id ? found : null;
  // As the assessment reads it: on a matter the firm already has, a new enquiry the words only suggested is not one.
  const reading = matter ? readingOnOpenMatter(words) : words;
  const base = said(reading);
  // No signed-in user (the `suggest` command run without --me): the matter's responsible attorney signs.
  const mePerson = ctx.me.email ? meAsPerson(directory, ctx.me) : null;
  const responsible = matter ? (directory.people.find((p) => p.id === matter.responsible) ?? null) : null;
  const attorney = responsible ?? mePerson;
  const contactName = contact?.clientId === client.id ? contact.contact.name : (message.from?.name ?? null);
  const nextDates = knownDates(text, message, directory);

  const drafts = suggestReplies({
    message,
    intent: reading.intent,
    negativeTone: reading.unhappy,
    needsReply: reading.needsReply,
    unhappyKinds: reading.unhappySignals.map((x) => x.kind),
    client,
    contactName,
    matter,
    attorney,
    sender: mePerson,
    nextDates,
    timeZone: directory.firm.timeZone,
    now: ctx.now instanceof Date ? ctx.now.toISOString() : ctx.now,
    workingDays: directory.firm.workingHours.days,
    holidays: directory.firm.holidays,
  });
  const personal = {
    ...base,
    client: { id: client.id, name: client.name },
    contactFirstName: firstName(contactName),
    matter: matter ? { id: matter.id, number: matter.number, title: matter.title } : null,
    attorney: attorney ? { name: attorney.name, email: attorney.email } : null,
    nextDates,
  };
  if (drafts.length === 0) return none("nothing-to-suggest", personal);
  return { ...personal, drafts, reason: null, reasonText: null };
}

/**
 * Suggestions for the open item: the message itself in read mode; in compose mode, the client message the
 * draft replies to (its quoted history, addressed from the draft's recipient).
 */
export function suggestForItem(item: CurrentItem, ctx: ReplySuggestionContext): ReplySuggestions {
  const target = replyTarget(item, ctx.me.email);
  return target ? suggestForMessage(target, ctx) : none("no-message");
}

/**
 * The client message a reply to the open item answers: the message itself in read mode; in compose mode the one the
 * draft replies to (its quoted history, addressed from the draft's recipient). Null when there is none.
 */
export function replyTarget(item: CurrentItem, me: string): MailMessage | null {
  if (!item.message || item.mode === "none") return null;
  if (item.mode === "read") return item.message;
  const original = clientMessageOfDraft(item.message, me);
  if (!original) return null;
  // A reply whose editor holds no quoted history (the host left it out): the subject is all we know of what was asked.
  const isReply = /^\s*(?:re|aw|sv)\s*:/i.test(item.message.subject);
  if (!original.bodyText.trim() && !isReply) return null;
  return original;
}
