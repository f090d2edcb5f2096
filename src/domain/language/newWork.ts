import type { MailMessage } from "@domain/model/mail";
import { classifyIntent, type IntentResult } from "./intent";
import { gatherEvidence } from "./readMail";
import { answeredTextOf } from "@domain/text/newText";
import { withoutSubjectPrefixes } from "@domain/threading/assignThreads";

/**
 * How sure the intent model must be that the writer asks for new work before recognition stops filing the email to
 * the client's open matter. Chosen on the firms whose mail was read (the sample, data/firms/chicago, data/firms/dublin):
 * at 0.9 it keeps every correct filing there and stops the two new-work ones; at 0.8 it also stopped one sample email
 * about an existing matter, and at 0.5 three.
 */
export const NEW_WORK_PROBABILITY = 0.9;

/** Whether an intent reading is sure enough that the writer asks for a new piece of work (see the threshold above). */
export function isNewWork(result: IntentResult): boolean {
  return result.intent === "new_matter_inquiry" && result.scores.new_matter_inquiry >= NEW_WORK_PROBABILITY;
}

/**
 * Whether the writer's own words ask for a new piece of work, which recognition needs so as not to file a known
 * client's new work to the matter it already has open. The intent alone, for the pane's recognizer: `readMail` gives
 * the same decision as `MailReading.newWork` with the rest of the reading.
 */
export function asksForNewWork(message: MailMessage): boolean {
  const evidence = gatherEvidence(message, {});
  return isNewWork(classifyIntent(evidence.text, message.subject, message, evidence));
}

/**
 * Whether the message answers a request for new work: the message it quotes (its own words, see `answeredTextOf`)
 * asks for new work as surely as {@link isNewWork} asks of a client's own email. The firm's reply to "New one for you:
 * can you act for us on the buy-back?" is about the new work, not the client's open matter, though it names the same
 * people and places; recognition keeps it off that matter unless a reference or the thread ties it there.
 */
export function answersNewWork(message: MailMessage): boolean {
  const answered = answeredTextOf(message.bodyText, message.subject);
  if (answered === "") return false;
  // The answered message as its writer sent it: its own subject, no attachments or headers of the reply.
  const subject = withoutSubjectPrefixes(message.subject);
  return asksForNewWork({ ...message, subject, bodyText: answered, attachmentNames: [], headers: {} });
}

/**
 * What recognition takes as the message's new-work sign: for a client's own mail, whether its words ask for new work
 * ({@link asksForNewWork}); for the firm's own mail, whether it answers such a request ({@link answersNewWork}).
 */
export function newWorkOf(message: MailMessage, fromFirm: boolean): boolean {
  return fromFirm ? answersNewWork(message) : asksForNewWork(message);
}
