import type { MailMessage } from "@domain/model/mail";
import { assignThreads } from "@domain/threading/assignThreads";
import { parseEmlWithAttachments } from "@adapters/mime/parseEml";
import type { SeedAttachment } from "@simulators/graph/index";

/** A mail file the workbench could not load: named in the workbench, while every other message is still loaded. */
export interface SeedProblem {
  readonly file: string;
  readonly error: string;
}

/** One .eml file's name and raw bytes (or text). */
export interface MailFile {
  readonly name: string;
  readonly raw: string | Uint8Array | ArrayBuffer;
}

function plain(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Parses mail files one by one (a file that cannot be parsed is a problem, and the others go on) and threads them the
 * way Graph's conversationId would.
 */
export async function parseMailFiles(
  files: readonly MailFile[],
): Promise<{ messages: MailMessage[]; mime: string[]; attachments: SeedAttachment[][]; problems: SeedProblem[] }> {
  const parsed: MailMessage[] = [];
  const mime: string[] = [];
  const attachments: SeedAttachment[][] = [];
  const problems: SeedProblem[] = [];
  for (const file of files) {
    try {
      const read = await parseEmlWithAttachments(file.raw);
      parsed.push(read.message);
      // The simulated mailbox serves each message's attachments (…/attachments), as Exchange does from the MIME.
      attachments.push(
        read.attachments.map((a) => ({
          kind: a.isMessage ? "item" : "file",
          name: a.name,
          contentType: a.contentType,
          content: a.content,
          isInline: a.isInline,
          ...(a.contentId ? { contentId: a.contentId } : {}),
        })),
      );
      // The raw message as Graph's `$value` gives it (octets as Latin-1 characters when it came as bytes).
      mime.push(typeof file.raw === "string" ? file.raw : new TextDecoder("latin1").decode(file.raw));
    } catch (e) {
      problems.push({ file: file.name, error: plain(e) });
    }
  }
  const threads = assignThreads(parsed);
  const messages = parsed.map((m) => ({ ...m, conversationId: `conv-${threads.get(m.internetMessageId ?? m.id) ?? m.id}` }));
  return { messages, mime, attachments, problems };
}
