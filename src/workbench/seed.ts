import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { assignThreads } from "@domain/threading/assignThreads";
import { parseEml } from "@adapters/mime/parseEml";
import directoryJson from "../../data/sample/directory.json";
import meta from "../../data/sample/meta.json";

/** The sample firm the workbench opens with (copied into data/sample; never read from outside the project). */
export interface Seed {
  readonly directory: Directory;
  readonly me: string;
  /** The sample's "now": the workbench clock starts here. */
  readonly now: string;
  readonly messages: readonly MailMessage[];
  /** Each message's raw MIME, in the same order (what Graph's `$value` gives). */
  readonly mime: readonly string[];
}

interface WebpackContext {
  keys(): string[];
  (key: string): string;
}

// webpack bundles every .eml as a string (asset/source); see webpack.config.js.
const mailFiles = (
  import.meta as unknown as { webpackContext(dir: string, o: { recursive: boolean; regExp: RegExp }): WebpackContext }
).webpackContext("../../data/sample/mail", { recursive: false, regExp: /\.eml$/ });

/** Parses the sample mail and threads it the way Graph's conversationId would. */
export async function loadSeed(): Promise<Seed> {
  const raw = mailFiles
    .keys()
    .sort()
    .map((key) => mailFiles(key));
  const parsed = await Promise.all(raw.map((text) => parseEml(text)));
  const threads = assignThreads(parsed);
  const messages = parsed.map((m) => ({ ...m, conversationId: `conv-${threads.get(m.internetMessageId ?? m.id) ?? m.id}` }));
  return { directory: directoryJson as unknown as Directory, me: meta.me.toLowerCase(), now: meta.now, messages, mime: raw };
}
