import type { Directory } from "@domain/directory/types";
import type { MailMessage } from "@domain/model/mail";
import { parseMailFiles, type SeedProblem } from "./mailFiles";
import directoryJson from "../../data/sample/directory.json";
import meta from "../../data/sample/meta.json";

/** The firm the workbench opens with: the sample (copied into data/sample; never read from outside the project). */
export interface Seed {
  readonly directory: Directory;
  readonly me: string;
  /** The sample's "now": the workbench clock starts here. */
  readonly now: string;
  readonly messages: readonly MailMessage[];
  /** Each message's raw MIME, in the same order (what Graph's `$value` gives). */
  readonly mime: readonly string[];
  readonly problems: readonly SeedProblem[];
}

interface WebpackContext {
  keys(): string[];
  (key: string): string;
}

// webpack bundles every .eml as a string (asset/source); see webpack.config.js.
const mailFiles = (
  import.meta as unknown as { webpackContext(dir: string, o: { recursive: boolean; regExp: RegExp }): WebpackContext }
).webpackContext("../../data/sample/mail", { recursive: false, regExp: /\.eml$/ });

/** Parses the sample mail; a message that cannot be read is reported and the workbench starts with the rest. */
export async function loadSeed(): Promise<Seed> {
  const files = mailFiles
    .keys()
    .sort()
    .map((key) => ({ name: key.replace(/^\.\//, ""), raw: mailFiles(key) }));
  const { messages, mime, problems } = await parseMailFiles(files);
  return { directory: directoryJson as unknown as Directory, me: meta.me.toLowerCase(), now: meta.now, messages, mime, problems };
}
