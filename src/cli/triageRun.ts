import type { Directory } from "../core/directory/types";
import type { MailMessage } from "../core/model/mail";
import { buildDirectoryIndex, isFirmAddress } from "../core/directory/directoryIndex";
import type { DirectoryIndex } from "../core/directory/directoryIndex";
import { assignThreads } from "../core/threading/assignThreads";
import { recognize } from "../core/recognition/recognize";
import type { Recognition } from "../core/recognition/types";
import { emptyFilingHistory, recordFiling } from "../core/recognition/filingHistory";
import type { MutableFilingHistory } from "../core/recognition/filingHistory";

/** Options of the triage command. */
export interface TriageOptions {
  readonly directory: Directory;
  /** The mailbox owner's address(es), lower-case. */
  readonly me: readonly string[];
  /** ISO-8601 "now" for the response clock. */
  readonly now: string;
  readonly slaHours: number;
  readonly businessDays: boolean;
}

/** One input file: its parsed message, or why it could not be read. */
export interface TriageInput {
  readonly file: string;
  readonly message?: MailMessage;
  readonly error?: string;
}

/** One output line, exactly the keys of the DESIGN triage format (plus "error" for unreadable files). */
export interface TriageLine {
  file: string;
  messageId: string | null;
  direction: "inbound" | "outbound" | "internal" | null;
  clientId: string | null;
  matterId: string | null;
  confidence: number | null;
  reasons: string[];
  needsReply: boolean | null;
  intent: string | null;
  negativeTone: boolean | null;
  status: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  answeredAt: string | null;
  followUpDates: string[] | null;
  error?: string;
}

function timeOf(m: MailMessage): number {
  const t = Date.parse(m.receivedAt ?? m.sentAt ?? "");
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/**
 * Recognizes every message of a folder the way the product would see them arrive: in time order,
 * threaded by headers, each filed message teaching the filing history (its conversation, and the
 * outside addresses it came from or went to) used for the later ones. Lines come back in input order.
 */
export function triageMessages(inputs: readonly TriageInput[], options: TriageOptions): TriageLine[] {
  const index: DirectoryIndex = buildDirectoryIndex(options.directory);
  const parsed = inputs.filter((i): i is TriageInput & { message: MailMessage } => i.message !== undefined);
  const threads = assignThreads(parsed.map((p) => p.message));
  const messages = new Map<string, MailMessage>();
  for (const p of parsed) messages.set(p.file, { ...p.message, conversationId: p.message.conversationId ?? threads.get(p.message.id) ?? null });
  const history: MutableFilingHistory = emptyFilingHistory();
  const recognitions = new Map<string, Recognition>();
  const order = [...messages.entries()].sort((a, b) => timeOf(a[1]) - timeOf(b[1]) || a[0].localeCompare(b[0]));
  for (const [file, message] of order) {
    const r = recognize(message, { index, me: options.me, history });
    recognitions.set(file, r);
    if (r.matterId) {
      const outside = r.direction === "inbound"
        ? [message.from?.email ?? ""]
        : [...message.to, ...message.cc].map((a) => a.email).filter((e) => !isFirmAddress(index, e));
      recordFiling(history, { conversationId: message.conversationId, addresses: outside, matterId: r.matterId });
    }
  }

  return inputs.map((input) => {
    const message = messages.get(input.file);
    const r = recognitions.get(input.file);
    if (!message || !r) {
      return { ...emptyLine(input.file), error: input.error ?? "unreadable message" };
    }
    const line: TriageLine = emptyLine(input.file);
    line.messageId = message.internetMessageId;
    // --- recognition (engineer B) ---
    line.direction = r.direction;
    line.clientId = r.clientId;
    line.matterId = r.matterId;
    line.confidence = r.confidence;
    line.reasons = [...r.reasons, ...(r.decideHint ? [`to decide: ${r.decideHint}`] : [])];
    line.receivedAt = message.receivedAt ?? message.sentAt;
    // --- reply need: wire src/core language/needsReply here (sets line.needsReply) ---
    line.needsReply = null;
    // --- intent: wire the intent classifier here (sets line.intent) ---
    line.intent = null;
    // --- tone: wire the negative-tone detector here (sets line.negativeTone) ---
    line.negativeTone = null;
    // --- response clock: wire the clock here (uses options.now, options.slaHours, options.businessDays and
    //     the thread; sets line.status, line.dueAt, line.answeredAt) ---
    line.status = null;
    line.dueAt = null;
    line.answeredAt = null;
    // --- follow-ups: wire follow-up date extraction here (sets line.followUpDates) ---
    line.followUpDates = null;
    return line;
  });
}

function emptyLine(file: string): TriageLine {
  return {
    file, messageId: null, direction: null, clientId: null, matterId: null, confidence: null, reasons: [], needsReply: null,
    intent: null, negativeTone: null, status: null, receivedAt: null, dueAt: null, answeredAt: null, followUpDates: null,
  };
}
