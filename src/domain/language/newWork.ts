import type { MailMessage } from "@domain/model/mail";
import { classifyIntent, type IntentResult } from "./intent";
import { gatherEvidence } from "./readMail";

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
