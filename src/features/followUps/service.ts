import { DateTime } from "luxon";
import type { Address, MailMessage } from "@domain/model/mail";
import { emailDomain, normalizeEmail } from "@domain/model/mail";
import type { Client, Directory, Matter } from "@domain/directory/types";
import { MatterlineError, noDirectoryError } from "@domain/errors";
import { categoryFor } from "@domain/matterLog/categoryName";
import { newTextOf } from "@domain/text/newText";
import { createFirmCalendar, toZoned, type FirmCalendar } from "@domain/time/firmCalendar";
import { defaultFollowUp, proposeFollowUpDates, rankFollowUps } from "@domain/followUps/proposeDates";
import {
  avoidBusy,
  checkInSeries,
  followUpEvent,
  noReplyReminder,
  shouldCancelReminder,
  slotOf,
  toCalendarEventInput,
  withSlot,
  type GraphEventPayload,
} from "@domain/followUps/eventDraft";
import { enqueue, newOperation } from "@domain/outbox/queue";
import type { CalendarEvent } from "@ports/calendarWriter";
import { loadFollowUpSettings, saveFollowUpSettings } from "./followUpSettings";
import type {
  CheckInCadence,
  FollowUpChoice,
  FollowUpDeps,
  FollowUpEntry,
  FollowUpPlan,
  FollowUpSettings,
  MatterOption,
  PreparedFollowUp,
  ReplyCheckResult,
  ScheduleResult,
  StoredFollowUp,
  UpcomingGroup,
} from "./followUpTypes";
import { matterLabel } from "@domain/directory/matterLabel";

/** The outbox kind of follow-up event creates (the pane registers its executor). */
export const EVENT_OUTBOX_KIND = "event";
/** The outbox kind of follow-up event deletes made while Graph could not be reached. */
export const EVENT_DELETE_OUTBOX_KIND = "event-delete";
/** How far ahead `refresh` looks for follow-ups made on another device. */
const DISCOVER_DAYS = 120;
/** Our events' transactionIds (eventDraft's deterministicTransactionId): how another device's follow-ups are known. */
const OUR_TRANSACTION_ID = /^matterline-[0-9a-f]{32}$/;

/** Outbox operation key of an event delete: one per event, so cancelling twice queues one delete. */
export function eventDeleteOutboxKey(eventId: string): string {
  return `event-delete:${eventId}`;
}

/** What a queued delete carries. */
export interface EventDeletePayload {
  readonly transactionId: string;
  readonly eventId: string;
}
/** How far ahead a busy slot is searched for a free one (working days are found inside it). */
const BUSY_SEARCH_DAYS = 14;

/** Outbox operation key of an event create: one per transactionId, so queuing twice replaces. */
export function eventOutboxKey(transactionId: string): string {
  return `event:${transactionId}`;
}

/** True for failures that a later retry may cure (offline, timeout, throttling, Graph 5xx). */
export function isTransient(error: unknown): boolean {
  return error instanceof MatterlineError && error.retryable;
}

/** The feature's entry read back from a stored record; null when it is not one of ours (or damaged). */
export function entryOf(record: StoredFollowUp | undefined): FollowUpEntry | null {
  const d = record?.data as Partial<FollowUpEntry> | undefined;
  if (!d || typeof d.transactionId !== "string" || typeof d.start !== "string" || !d.payload) return null;
  return d as FollowUpEntry;
}

function recordOf(entry: FollowUpEntry): StoredFollowUp {
  return { transactionId: entry.transactionId, matterId: entry.matterId, internetMessageId: entry.internetMessageId, data: { ...entry } };
}

function isOpen(entry: FollowUpEntry): boolean {
  return entry.status === "scheduled" || entry.status === "queued";
}

/** A matter named with its client, for the follow-up lists ("2024-0012 Hollis lease (Hollis Ltd)"). */
function matterWithClient(matter: Matter, client: Client | undefined): string {
  return `${matterLabel(matter)}${client ? ` (${client.name})` : ""}`;
}

/** The contacts of a matter's client, those in `first` (e.g. on the email) ahead; addresses lower-case. */
function inviteesOf(directory: Directory, matterId: string, first: ReadonlySet<string> = new Set()): Address[] {
  const matter = directory.matters.find((m) => m.id === matterId);
  const client = matter ? directory.clients.find((c) => c.id === matter.clientId) : undefined;
  const contacts = (client?.contacts ?? []).map((c) => ({ name: c.name, email: normalizeEmail(c.email) }));
  return [...contacts.filter((c) => first.has(c.email)), ...contacts.filter((c) => !first.has(c.email))];
}

function addressLabel(a: Address | null): string {
  return a ? a.name || a.email : "unknown sender";
}

/** Follow-ups of the pane: proposals, creation (idempotent, offline-safe), no-reply reminders, check-ins, upcoming list. */
export interface FollowUpService {
  plan(message: MailMessage, mode: "read" | "compose"): Promise<FollowUpPlan>;
  prepare(message: MailMessage, plan: FollowUpPlan, choice: FollowUpChoice): Promise<PreparedFollowUp>;
  schedule(prepared: PreparedFollowUp): Promise<ScheduleResult>;
  remindNoReply(message: MailMessage, mode: "read" | "compose", days: number): Promise<ScheduleResult>;
  /** The open no-reply reminder of a message, if any. */
  reminderFor(message: MailMessage, mode: "read" | "compose"): Promise<FollowUpEntry | null>;
  checkReplies(): Promise<ReplyCheckResult>;
  startCheckIn(matterId: string, cadence: CheckInCadence, firstDate?: string, time?: string): Promise<ScheduleResult>;
  upcoming(): Promise<UpcomingGroup[]>;
  /** Brings stored follow-ups in line with the calendar (moved or deleted in Outlook). */
  refresh(): Promise<{ readonly offline: boolean; readonly changed: number }>;
  reschedule(transactionId: string, date: string, time: string): Promise<FollowUpEntry>;
  cancel(transactionId: string): Promise<FollowUpEntry>;
  openMatters(): Promise<MatterOption[]>;
  settings(): Promise<FollowUpSettings>;
  saveSettings(settings: FollowUpSettings): Promise<FollowUpSettings>;
  /** Marks a queued entry created (used by the outbox executor after its create succeeds). */
  markCreated(transactionId: string, event: CalendarEvent): Promise<void>;
  /** Sends a payload: a series when it recurs, else a single idempotent event. */
  send(payload: GraphEventPayload): Promise<CalendarEvent>;
  onChanged(listener: () => void): () => void;
}

export function createFollowUpService(deps: FollowUpDeps): FollowUpService {
  const listeners = new Set<() => void>();
  // A fresh Date of this realm: the workbench's clock lives in the parent window, where `instanceof Date` fails here.
  const now = (): Date => new Date(deps.now().getTime());
  const changed = () => listeners.forEach((l) => l());

  async function firm(): Promise<{ directory: Directory; calendar: FirmCalendar }> {
    const loaded = await deps.directory();
    if (!loaded) throw noDirectoryError("Follow-ups need the firm's working hours and matters.");
    return { directory: loaded.directory, calendar: createFirmCalendar(loaded.directory.firm) };
  }

  const me = normalizeEmail(deps.me);
  const isFirm = (directory: Directory, email: string) => {
    const e = normalizeEmail(email);
    return e === me || directory.firm.domains.some((d) => d.toLowerCase() === emailDomain(e));
  };

  /** A draft has no Message-ID: key it by conversation, subject and recipients so the same draft keeps one reminder. */
  function sentShape(message: MailMessage, mode: "read" | "compose"): MailMessage {
    if (mode !== "compose") return message;
    const to = [...message.to, ...message.cc]
      .map((a) => normalizeEmail(a.email))
      .sort()
      .join(",");
    return { ...message, id: `draft:${message.conversationId ?? "new"}:${message.subject}:${to}`, sentAt: now().toISOString() };
  }

  async function put(entry: FollowUpEntry): Promise<void> {
    await deps.store.put(recordOf(entry));
    changed();
  }

  async function send(payload: GraphEventPayload): Promise<CalendarEvent> {
    return payload.recurrence ? deps.series.createSeries(payload) : deps.calendar.create(toCalendarEventInput(payload));
  }

  /** Creates now, or queues in the outbox when Graph cannot be reached; the transactionId makes either safe to repeat. */
  async function createOrQueue(entry: FollowUpEntry): Promise<ScheduleResult> {
    try {
      const event = await send(entry.payload);
      const done: FollowUpEntry = { ...entry, eventId: event.id, status: "scheduled" };
      await put(done);
      return { outcome: "created", entry: done };
    } catch (error) {
      if (!isTransient(error)) throw error;
      const queued: FollowUpEntry = { ...entry, status: "queued" };
      await enqueue(
        deps.outbox,
        newOperation({
          key: eventOutboxKey(entry.transactionId),
          kind: EVENT_OUTBOX_KIND,
          payload: { transactionId: entry.transactionId, payload: entry.payload },
          now: now(),
        }),
      );
      await put(queued);
      deps.onQueued?.();
      return { outcome: "queued", entry: queued };
    }
  }

  async function dropQueued(transactionId: string): Promise<void> {
    const key = eventOutboxKey(transactionId);
    const op = (await deps.outbox.list()).find((o) => o.key === key);
    if (op) await deps.outbox.settle({ remove: [{ key, createdAt: op.createdAt }], update: [] });
  }

  async function entry(transactionId: string): Promise<FollowUpEntry> {
    const found = entryOf(await deps.store.get(transactionId));
    if (!found) throw new MatterlineError("not-found", "That follow-up is no longer saved on this device.");
    return found;
  }

  async function allEntries(): Promise<FollowUpEntry[]> {
    return (await deps.store.all()).map(entryOf).filter((e): e is FollowUpEntry => e !== null);
  }

  /**
   * Takes a follow-up out of the calendar. Offline, the delete waits in the outbox (one per event, and deleting an
   * event already gone is no error, so a repeat is harmless); the entry is closed at once either way.
   */
  async function close(e: FollowUpEntry, status: "cancelled" | "replied"): Promise<FollowUpEntry> {
    let deleteQueued = false;
    if (e.eventId) {
      try {
        await deps.calendar.remove(e.eventId);
      } catch (error) {
        if (!isTransient(error)) throw error;
        const payload: EventDeletePayload = { transactionId: e.transactionId, eventId: e.eventId };
        await enqueue(
          deps.outbox,
          newOperation({ key: eventDeleteOutboxKey(e.eventId), kind: EVENT_DELETE_OUTBOX_KIND, payload, now: now() }),
        );
        deleteQueued = true;
      }
    } else await dropQueued(e.transactionId);
    const closed: FollowUpEntry = { ...e, status, closedAt: now().toISOString(), deleteQueued };
    await put(closed);
    if (deleteQueued) deps.onQueued?.();
    return closed;
  }

  /**
   * An entry for an event another device made: ours by its transactionId, its matter by its category. It has no
   * message details (those stayed on the other device), only what the calendar says.
   */
  function discovered(ev: CalendarEvent, directory: Directory | null, zone: string): FollowUpEntry | null {
    if (!ev.transactionId || !OUR_TRANSACTION_ID.test(ev.transactionId) || !ev.start || !ev.end) return null;
    // A series shows as occurrences in a calendar view: without the master's id a cancel could remove one only.
    if (ev.subject.startsWith("Check-in:")) return null;
    let matter: Matter | null = null;
    let client: Client | null = null;
    for (const m of directory?.matters ?? []) {
      const c = directory?.clients.find((x) => x.id === m.clientId);
      if (ev.categories.includes(categoryFor(m, c ?? null).name)) {
        matter = m;
        client = c ?? null;
        break;
      }
    }
    const base: GraphEventPayload = {
      subject: ev.subject,
      body: { contentType: "HTML", content: "" },
      start: { dateTime: "", timeZone: zone },
      end: { dateTime: "", timeZone: zone },
      isReminderOn: false,
      reminderMinutesBeforeStart: 0,
      categories: [...ev.categories],
      showAs: ev.showAs === "free" ? "free" : "busy",
      sensitivity: "private",
      attendees: [],
      transactionId: ev.transactionId,
    };
    return {
      transactionId: ev.transactionId,
      type: ev.subject.startsWith("No reply yet:") ? "no-reply" : "follow-up",
      matterId: matter?.id ?? null,
      clientId: client?.id ?? null,
      internetMessageId: null,
      subject: ev.subject,
      start: ev.start,
      end: ev.end,
      eventId: ev.id,
      status: "scheduled",
      createdAt: now().toISOString(),
      payload: withSlot(base, { start: ev.start, end: ev.end }),
      invited: null,
      discovered: true,
    };
  }

  return {
    send,
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    settings: () => loadFollowUpSettings(deps.settings),
    saveSettings: (s) => saveFollowUpSettings(deps.settings, s),

    async plan(message, mode) {
      const { directory, calendar } = await firm();
      const guess = await deps.resolveMatter(message);
      const current = now();
      const sentAt = message.sentAt ?? message.receivedAt ?? current.toISOString();
      const today = calendar.localDate(current);
      // A date already come and gone ("tomorrow at 9" in yesterday's mail, read at 3 pm) is not offered: the next
      // working slot below is. A date without a time counts from the start of working hours.
      const startOf = (p: { date: string; time?: string }) =>
        DateTime.fromISO(`${p.date}T${p.time ?? directory.firm.workingHours.start}`, { zone: calendar.timeZone }).toMillis();
      const proposals = rankFollowUps(
        proposeFollowUpDates({ text: newTextOf(message.bodyText, message.subject), sentAt, calendar }),
      ).filter((p) => p.date >= today && startOf(p) > current.getTime());
      // Old mail's "next working day" is already past: count from today instead.
      const base = toZoned(sentAt, "UTC").toMillis() < current.getTime() ? current : sentAt;
      const fallback = defaultFollowUp(base, calendar);
      const clients = new Map(directory.clients.map((c) => [c.id, c]));
      const matters = new Map(directory.matters.map((m) => [m.id, m]));
      // The email's own matters first (recognized, then the other candidates), then its client's other matters.
      const ids = [
        guess.matterId,
        ...guess.candidates,
        ...directory.matters.filter((m) => m.clientId === guess.clientId && m.status === "open").map((m) => m.id),
        ...directory.matters.filter((m) => m.clientId === guess.clientId && m.status !== "open").map((m) => m.id),
      ];
      const matterOptions: MatterOption[] = [...new Set(ids.filter((id): id is string => Boolean(id && matters.has(id))))].map((id) => {
        const m = matters.get(id)!;
        return { matterId: id, label: matterWithClient(m, clients.get(m.clientId)), closed: m.status !== "open" };
      });
      const onEmail = new Set(
        [message.from, ...message.to, ...message.cc].filter((a): a is Address => Boolean(a?.email)).map((a) => normalizeEmail(a.email)),
      );
      const inviteOptions = Object.fromEntries(matterOptions.map((o) => [o.matterId, inviteesOf(directory, o.matterId, onEmail)] as const));
      const outbound = mode === "compose" || normalizeEmail(message.from?.email) === me;
      const waiting = outbound
        ? [...new Set([...message.to, ...message.cc].map((a) => normalizeEmail(a.email)).filter((e) => e && !isFirm(directory, e)))]
        : [];
      const clientId = guess.clientId ?? (guess.matterId ? (matters.get(guess.matterId)?.clientId ?? null) : null);
      return {
        messageId: message.id,
        timeZone: calendar.timeZone,
        clientName: clientId ? (clients.get(clientId)?.name ?? null) : null,
        // a closed matter is not proposed: a follow-up on it is a choice the user makes with closed matters shown
        matterId: guess.matterId && matters.get(guess.matterId)?.status === "open" ? guess.matterId : null,
        matterOptions,
        proposals,
        fallback: { date: fallback.date, time: fallback.time },
        inviteOptions,
        noReplyWaitingFor: waiting,
      };
    },

    async prepare(message, plan, choice) {
      const { directory, calendar } = await firm();
      const settings = await loadFollowUpSettings(deps.settings);
      const matter = choice.matterId ? (directory.matters.find((m) => m.id === choice.matterId) ?? null) : null;
      const client = matter ? (directory.clients.find((c) => c.id === matter.clientId) ?? null) : null;
      // An invitation leaves the firm: only to a contact of the chosen matter's client, chosen by the user by name.
      const invite = choice.invite
        ? matter
          ? (inviteesOf(directory, matter.id).find((c) => c.email === normalizeEmail(choice.invite)) ?? null)
          : null
        : null;
      if (choice.invite && !invite)
        throw new MatterlineError(
          "invalid-input",
          matter
            ? `Invitations go only to a contact of ${client?.name ?? "the matter's client"} in the firm directory.`
            : "Choose the matter first: an invitation goes only to a contact of its client in the firm directory.",
        );
      let payload = followUpEvent({
        clientName: client?.name ?? plan.clientName ?? addressLabel(message.from),
        matter: matter ?? { id: "", number: "", title: "" },
        category: matter ? categoryFor(matter, client).name : null,
        message,
        proposal: { date: choice.date, ...(choice.time ? { time: choice.time } : {}), kind: choice.kind },
        summary: choice.summary,
        calendar,
        durationMinutes: settings.durationMinutes,
        reminderMinutes: settings.reminderMinutes,
        invitee: invite,
        firmName: directory.firm.name,
      });
      // Without a matter the sender names the follow-up, so the diary entry still says whom to chase.
      if (!matter) payload = { ...payload, subject: `Follow up: ${addressLabel(message.from)} — ${message.subject || "(no subject)"}` };
      const requested = slotOf(payload);
      let checked = true;
      let moved = false;
      let conflict = false;
      try {
        const until =
          DateTime.fromISO(requested.start, { zone: "UTC" })
            .plus({ days: BUSY_SEARCH_DAYS + 1 })
            .toISO() ?? requested.end;
        const events = await deps.calendar.listView(requested.start, until);
        // Free entries (our own follow-ups among them) block nothing; the event itself, if already made, is no conflict.
        const busy = events.filter((e) => e.showAs !== "free" && e.transactionId !== payload.transactionId);
        const slot = avoidBusy(requested, busy, calendar, BUSY_SEARCH_DAYS);
        moved = slot.moved;
        conflict = slot.conflict;
        if (moved) payload = withSlot(payload, slot);
      } catch (error) {
        if (!isTransient(error)) throw error;
        checked = false;
      }
      const slot = slotOf(payload);
      return {
        payload,
        matterId: matter?.id ?? null,
        clientId: client?.id ?? null,
        internetMessageId: message.internetMessageId,
        requestedStart: requested.start,
        start: slot.start,
        end: slot.end,
        moved,
        conflict,
        calendarChecked: checked,
        invited: invite ? normalizeEmail(invite.email) : null,
        inPast: Date.parse(slot.start) < now().getTime(),
      };
    },

    async schedule(prepared) {
      const existing = entryOf(await deps.store.get(prepared.payload.transactionId));
      if (existing && isOpen(existing)) return { outcome: existing.status === "queued" ? "queued" : "created", entry: existing };
      return createOrQueue({
        transactionId: prepared.payload.transactionId,
        type: "follow-up",
        matterId: prepared.matterId,
        clientId: prepared.clientId,
        internetMessageId: prepared.internetMessageId,
        subject: prepared.payload.subject,
        start: prepared.start,
        end: prepared.end,
        eventId: null,
        status: "queued",
        createdAt: now().toISOString(),
        payload: prepared.payload,
        invited: prepared.invited,
      });
    },

    async reminderFor(message, mode) {
      const shaped = sentShape(message, mode);
      const all = await allEntries();
      return all.find((e) => e.type === "no-reply" && e.reminder?.sentMessageId === shaped.id && e.status !== "cancelled") ?? null;
    },

    async remindNoReply(message, mode, days) {
      const { directory, calendar } = await firm();
      const settings = await loadFollowUpSettings(deps.settings);
      const sent = sentShape(message, mode);
      const guess = await deps.resolveMatter(message);
      const matter = guess.matterId ? (directory.matters.find((m) => m.id === guess.matterId) ?? null) : null;
      const client = matter ? (directory.clients.find((c) => c.id === matter.clientId) ?? null) : null;
      const reminder = noReplyReminder(sent, days, calendar, {
        firmDomains: [...directory.firm.domains, emailDomain(me)],
        reminderMinutes: settings.reminderMinutes,
        category: matter ? categoryFor(matter, client).name : null,
      });
      if (reminder.waitingFor.length === 0)
        throw new MatterlineError("invalid-input", "This email goes to no one outside the firm, so there is no reply to wait for.");
      const existing = entryOf(await deps.store.get(reminder.event.transactionId));
      if (existing && isOpen(existing)) return { outcome: existing.status === "queued" ? "queued" : "created", entry: existing };
      const slot = slotOf(reminder.event);
      return createOrQueue({
        transactionId: reminder.event.transactionId,
        type: "no-reply",
        matterId: matter?.id ?? null,
        clientId: client?.id ?? guess.clientId,
        internetMessageId: message.internetMessageId,
        subject: reminder.event.subject,
        start: slot.start,
        end: slot.end,
        eventId: null,
        status: "queued",
        createdAt: now().toISOString(),
        payload: reminder.event,
        invited: null,
        reminder,
      });
    },

    async checkReplies() {
      const open = (await allEntries()).filter((e) => e.type === "no-reply" && isOpen(e) && e.reminder);
      const removed: FollowUpEntry[] = [];
      try {
        for (let e of open) {
          let reminder = e.reminder!;
          if (!reminder.conversationId && !reminder.internetMessageId) {
            // A reminder set while composing a new email: find the sent message to learn its conversation.
            const since = DateTime.fromISO(reminder.sentAt, { zone: "UTC" }).minus({ minutes: 10 }).toISO() ?? reminder.sentAt;
            const sent = await deps.mail.listWindow({ mailbox: null, folder: "sentitems", since });
            const match = sent.find(
              (m) =>
                m.subject === e.reminder!.event.subject.replace(/^No reply yet: /, "") &&
                m.to.some((a) => reminder.waitingFor.includes(normalizeEmail(a.email))),
            );
            if (!match) continue;
            reminder = {
              ...reminder,
              conversationId: match.conversationId,
              internetMessageId: match.internetMessageId,
              sentAt: match.sentAt ?? reminder.sentAt,
            };
            e = { ...e, reminder, internetMessageId: match.internetMessageId };
            await put(e);
          }
          if (!reminder.conversationId) continue;
          const thread = await deps.mail.listConversation(null, reminder.conversationId);
          if (shouldCancelReminder(reminder, thread)) removed.push(await close(e, "replied"));
        }
      } catch (error) {
        if (!isTransient(error)) throw error;
        return { removed, checked: open.length, offline: true };
      }
      return { removed, checked: open.length, offline: false };
    },

    async startCheckIn(matterId, cadence, firstDate, time) {
      const { directory, calendar } = await firm();
      const settings = await loadFollowUpSettings(deps.settings);
      const matter = directory.matters.find((m) => m.id === matterId);
      if (!matter) throw new MatterlineError("not-found", "That matter is not in the firm directory.");
      const client = directory.clients.find((c) => c.id === matter.clientId) ?? null;
      let start: Date | string = calendar.nextWorkingDayStart(now());
      if (firstDate) {
        const dt = DateTime.fromISO(`${firstDate}T${time ?? "00:00"}`, { zone: calendar.timeZone });
        if (!dt.isValid) throw new MatterlineError("invalid-input", `"${firstDate} ${time ?? ""}" is not a date and time.`);
        start = time ? dt.toUTC().toISO() : calendar.workingStartOn(firstDate);
      }
      const payload = checkInSeries(matter, cadence, start, {
        clientName: client?.name ?? "",
        calendar,
        category: categoryFor(matter, client).name,
        durationMinutes: settings.durationMinutes,
        reminderMinutes: settings.reminderMinutes,
      });
      const existing = entryOf(await deps.store.get(payload.transactionId));
      if (existing && isOpen(existing)) return { outcome: existing.status === "queued" ? "queued" : "created", entry: existing };
      const slot = slotOf(payload);
      return createOrQueue({
        transactionId: payload.transactionId,
        type: "check-in",
        matterId,
        clientId: client?.id ?? null,
        internetMessageId: null,
        subject: payload.subject,
        start: slot.start,
        end: slot.end,
        eventId: null,
        status: "queued",
        createdAt: now().toISOString(),
        payload,
        invited: null,
        cadence,
      });
    },

    async upcoming() {
      const loaded = await deps.directory();
      const nowIso = now().toISOString();
      const matters = new Map((loaded?.directory.matters ?? []).map((m) => [m.id, m]));
      const clients = new Map((loaded?.directory.clients ?? []).map((c) => [c.id, c]));
      const open = (await allEntries())
        .filter((e) => isOpen(e) && (e.type === "check-in" || e.end > nowIso))
        .sort((a, b) => a.start.localeCompare(b.start));
      const groups = new Map<string, FollowUpEntry[]>();
      for (const e of open) {
        const key = e.matterId ?? "";
        groups.set(key, [...(groups.get(key) ?? []), e]);
      }
      return [...groups.entries()].map(([key, entries]) => {
        const m = key ? matters.get(key) : undefined;
        return {
          matterId: key || null,
          label: m ? matterWithClient(m, clients.get(m.clientId)) : key ? `Matter ${key}` : "No matter",
          entries,
        };
      });
    },

    async refresh() {
      const all = await allEntries();
      const known = new Set(all.map((e) => e.transactionId));
      const single = all.filter((e) => e.status === "scheduled" && e.eventId && e.type !== "check-in");
      const current = now();
      // One calendar view covers the stored entries and the months ahead, where other devices' follow-ups sit.
      const ahead = new Date(current.getTime() + DISCOVER_DAYS * 86_400_000).toISOString();
      const from = single.reduce((a, e) => (e.start < a ? e.start : a), current.toISOString());
      const to = single.reduce((a, e) => (e.end > a ? e.end : a), ahead);
      let events: CalendarEvent[];
      try {
        events = await deps.calendar.listView(from, to);
      } catch (error) {
        if (!isTransient(error)) throw error;
        return { offline: true, changed: 0 };
      }
      let count = 0;
      for (const e of single) {
        const found = events.find((ev) => ev.id === e.eventId) ?? events.find((ev) => ev.transactionId === e.transactionId);
        if (!found) {
          // Gone from its slot: deleted or moved out of the window in Outlook. Ask Graph no more; stop showing it.
          await put({ ...e, status: "cancelled", closedAt: current.toISOString() });
          count++;
        } else if (found.start !== e.start || found.end !== e.end || found.subject !== e.subject || found.id !== e.eventId) {
          await put({ ...e, start: found.start, end: found.end, subject: found.subject || e.subject, eventId: found.id });
          count++;
        }
      }
      // Follow-ups made on another device: ours by transactionId, unknown here (a cancelled one stays cancelled).
      const fresh = events.filter((ev) => ev.transactionId && !known.has(ev.transactionId) && ev.end > current.toISOString());
      if (fresh.length) {
        const loaded = await deps.directory();
        const zone = loaded?.directory.firm.timeZone ?? "UTC";
        for (const ev of fresh) {
          const entry = discovered(ev, loaded?.directory ?? null, zone);
          if (!entry || known.has(entry.transactionId)) continue;
          known.add(entry.transactionId);
          await put(entry);
          count++;
        }
      }
      return { offline: false, changed: count };
    },

    async reschedule(transactionId, date, time) {
      const { calendar } = await firm();
      const e = await entry(transactionId);
      const start = DateTime.fromISO(`${date}T${time}`, { zone: calendar.timeZone });
      if (!start.isValid) throw new MatterlineError("invalid-input", `"${date} ${time}" is not a date and time.`);
      const length = Date.parse(e.end) - Date.parse(e.start);
      const slot = { start: start.toUTC().toISO(), end: start.plus({ milliseconds: length }).toUTC().toISO() };
      const payload = withSlot(e.payload, slot);
      let next: FollowUpEntry = { ...e, payload, start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() };
      if (e.eventId) {
        const updated = await deps.calendar.update(e.eventId, { start: next.start, end: next.end });
        next = { ...next, start: updated.start || next.start, end: updated.end || next.end };
      } else {
        // Still waiting in the outbox: the same key replaces the queued create with the new time.
        await enqueue(
          deps.outbox,
          newOperation({ key: eventOutboxKey(transactionId), kind: EVENT_OUTBOX_KIND, payload: { transactionId, payload }, now: now() }),
        );
        deps.onQueued?.();
      }
      await put(next);
      return next;
    },

    async cancel(transactionId) {
      return close(await entry(transactionId), "cancelled");
    },

    async openMatters() {
      const loaded = await deps.directory();
      if (!loaded) return [];
      const clients = new Map(loaded.directory.clients.map((c) => [c.id, c]));
      return loaded.directory.matters
        .filter((m) => m.status === "open")
        .map((m) => ({ matterId: m.id, label: matterWithClient(m, clients.get(m.clientId)) }))
        .sort((a, b) => a.label.localeCompare(b.label));
    },

    async markCreated(transactionId, event) {
      const e = entryOf(await deps.store.get(transactionId));
      if (!e) return;
      if (e.status === "cancelled") {
        // Cancelled while the create was on its way: take the event back out.
        await deps.calendar.remove(event.id);
        return;
      }
      await put({ ...e, eventId: event.id, status: "scheduled" });
    },
  };
}
