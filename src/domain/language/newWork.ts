import type { MailMessage } from "@domain/model/mail";
import { classifyIntent } from "./intent";
import { gatherEvidence } from "./readMail";

/**
 * How sure the intent model must be that the writer asks for new work before recognition stops filing the email to
 * the client's open matter. Chosen on the firms whose mail was read (the sample, data/firms/chicago, data/firms/dublin):
 * at 0.9 it keeps every correct filing there and stops the two new-work ones; at 0.8 it also stopped one sample email
 * about an existing matter, and at 0.5 three.
 */
export const NEW_WORK_PROBABILITY = 0.9;

/**
 * Whether the writer's own words ask for a new piece of work (the reading's intent is `new_matter_inquiry`, at
 * {@link NEW_WORK_PROBABILITY} or more), which recognition needs so as not to file a known client's new work to the
 * matter it already has open.
 */
export function asksForNewWork(message: MailMessage): boolean {
  const evidence = gatherEvidence(message, {});
  const { intent, scores } = classifyIntent(evidence.text, message.subject, message, evidence);
  return intent === "new_matter_inquiry" && scores.new_matter_inquiry >= NEW_WORK_PROBABILITY;
}
