/**
 * `npm run --silent suggest -- --directory <directory.json> --mail <message.eml> [--me <address>]`
 * Prints `{ intent, negativeTone, drafts: [{ label, text, grade, longestSentenceWords }] }` for one message.
 * Everything runs locally: the message and directory never leave the machine.
 */
import { readFile } from "node:fs/promises";
import { parseEml } from "@adapters/mime/parseEml";
import { parseDirectoryJson } from "@domain/directory/parseDirectory";
import type { Client, Directory, Matter, Person } from "@domain/directory/types";
import { MatterlineError } from "@domain/errors";
import { classifyIntent } from "@domain/language/intent";
import { negativeTone } from "@domain/language/tone";
import type { MailMessage } from "@domain/model/mail";
import { suggestReplies } from "@domain/replies";
import { splitMessageText } from "@domain/text/newText";
import { proposeFollowUpDates } from "@domain/followUps/proposeDates";
import { createFirmCalendar } from "@domain/time/firmCalendar";
import { buildDirectoryIndex } from "@domain/directory/directoryIndex";
import { recognize } from "@domain/recognition/recognize";
import type { KnownDate } from "@domain/replies";
import { missingOptions, readCommandLine } from "./commandLine";
import { readMail } from "@domain/language/reading";

const USAGE = "Usage: suggest --directory <directory.json> --mail <message.eml> [--me <address>]";

interface Args {
  directory: string;
  mail: string;
  me: string | null;
}

function readArgs(argv: readonly string[]): Args {
  const { values } = readCommandLine(argv, {
    options: { directory: { type: "string" }, mail: { type: "string" }, me: { type: "string" } },
    usage: USAGE,
  });
  if (!values.directory || !values.mail) throw missingOptions(values, ["directory", "mail"], USAGE);
  return { directory: values.directory, mail: values.mail, me: values.me?.toLowerCase() ?? null };
}

async function readText(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new MatterlineError("invalid-input", `Cannot read the ${what} file "${path}".`, { cause });
  }
}

/**
 * Client, contact and matter by the recognition engine (references, contacts, client domains, keywords), so the
 * drafts name the matter the pane would show. Drafts are for the client's own mail: the client is set only when
 * the sender is the client (a contact or the client's domain), never for the other side or a court writing about
 * one of its matters. A lone message has no thread or filing history to draw on.
 */
function findClientAndMatter(
  directory: Directory,
  message: MailMessage,
  me: string | null,
): { client: Client | null; contactName: string | null; matter: Matter | null } {
  const index = buildDirectoryIndex(directory);
  const r = recognize(message, { index, me: me ? [me] : [] });
  const client = r.senderRole === "client" && r.clientId ? (index.clientById.get(r.clientId) ?? null) : null;
  if (!client) return { client: null, contactName: null, matter: null };
  const contact = index.contactByEmail.get((message.from?.email ?? "").toLowerCase());
  const contactName = contact && contact.clientId === client.id ? contact.contact.name : null;
  const matter = r.matterId ? (index.matterById.get(r.matterId) ?? null) : null;
  return { client, contactName, matter: matter && matter.clientId === client.id ? matter : null };
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const directory: Directory = parseDirectoryJson((await readText(args.directory, "directory")).toString("utf8"));
  const message = await parseEml(await readText(args.mail, "message"));
  const parts = splitMessageText(message.bodyText, message.subject);
  const text = parts.newText;
  const { intent } = classifyIntent(text, message.subject, message);
  const tone = negativeTone(text);
  const { client, contactName, matter } = findClientAndMatter(directory, message, args.me);
  const attorney: Person | null = directory.people.find((p) => p.id === matter?.responsible) ?? null;
  const sender: Person | null = (args.me && directory.people.find((p) => p.email.toLowerCase() === args.me)) || attorney;
  const sentAt = message.sentAt ?? message.receivedAt;
  // dates the client's own mail names (hearings, deadlines, meetings) are the ones worth repeating back
  const nextDates: KnownDate[] = sentAt
    ? proposeFollowUpDates({
        text: [parts.newText, parts.forwarded].filter(Boolean).join("\n\n"),
        sentAt,
        calendar: createFirmCalendar(directory.firm),
      })
        .filter((p) => p.kind === "hearing" || p.kind === "deadline" || p.kind === "meeting")
        .map((p) => ({ label: p.kind, date: p.time ? `${p.date}T${p.time}` : p.date }))
    : [];
  const drafts = suggestReplies({
    message,
    intent,
    negativeTone: tone.negative,
    // As the pane does: mail the response clock reads as needing no reply gets a short note at most.
    needsReply: readMail(message).needsReply,
    client,
    contactName: contactName ?? message.from?.name ?? null,
    matter,
    attorney,
    sender,
    nextDates,
    timeZone: directory.firm.timeZone,
    // drafts promise "by the end of <next working day>": relative to when the mail was sent, as the CLI has no clock of the reader
    now: message.receivedAt ?? message.sentAt ?? new Date().toISOString(),
    workingDays: directory.firm.workingHours.days,
    holidays: directory.firm.holidays,
  });
  process.stdout.write(
    JSON.stringify(
      {
        intent,
        negativeTone: tone.negative,
        drafts: drafts.map((d) => ({ label: d.label, text: d.text, grade: d.grade, longestSentenceWords: d.longestSentenceWords })),
      },
      null,
      2,
    ) + "\n",
  );
}

main().catch((error: unknown) => {
  const message = error instanceof MatterlineError ? error.message : error instanceof Error ? error.message : String(error);
  const details = error instanceof MatterlineError && error.details.length ? `\n  ${error.details.join("\n  ")}` : "";
  process.stderr.write(`suggest: ${message}${details}\n`);
  process.exitCode = 1;
});
