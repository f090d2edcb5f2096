import type { Directory } from "@domain/directory/types";
import type { DirectoryIndex } from "@domain/directory/directoryIndex";
import type { MailMessage } from "@domain/model/mail";
import { normalizeEmail } from "@domain/model/mail";
import { BODY_FACTS_VERSION, packBodyFacts, readBodyFacts } from "@domain/assessment/bodyFacts";
import { LANGUAGE_MODELS_STAMP } from "@domain/language/modelsStamp";
import type { FactsReader } from "./mailboxScan";

const fingerprints = new WeakMap<Directory, string>();

/**
 * A fingerprint of the directory (clients, matters, people, the firm's domains and reference patterns): the facts
 * read from bodies hold for this directory only. FNV-1a over its JSON; kept per directory object, which the pane
 * replaces on every import.
 */
export function directoryFingerprint(directory: Directory): string {
  let fp = fingerprints.get(directory);
  if (fp === undefined) {
    const json = JSON.stringify(directory);
    let h = 0x811c9dc5;
    for (let i = 0; i < json.length; i++) {
      h ^= json.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    fp = `${h.toString(16)}-${json.length}`;
    fingerprints.set(directory, fp);
  }
  return fp;
}

/** The address whose mail in `mailbox` is "mine": the mailbox itself, or the signed-in user for their own. */
export function mailboxOwner(mailbox: string | null, me: string): string {
  return normalizeEmail(mailbox ?? me);
}

/**
 * The stamp scanned facts hold for: the body reading's version, the language models' weights, the directory and the
 * mailbox's owner.
 */
export function factsStamp(directory: Directory, owner: string): string {
  return `${BODY_FACTS_VERSION}|${LANGUAGE_MODELS_STAMP}|${directoryFingerprint(directory)}|${owner}`;
}

/**
 * Reads each inbound message from someone other than the owner into its facts (the clock assesses only those; the
 * owner's own mail is only a thread member and needs no body).
 */
export function factsReader(loaded: { readonly directory: Directory; readonly index: DirectoryIndex }, owner: string): FactsReader {
  return {
    stamp: factsStamp(loaded.directory, owner),
    owner,
    read(message: MailMessage) {
      const from = normalizeEmail(message.from?.email);
      return from && from !== owner ? packBodyFacts(readBodyFacts(message, loaded.index, [owner]), loaded.index) : null;
    },
  };
}
