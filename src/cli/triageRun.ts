/**
 * The triage command's per-message work is the domain's assessment pipeline (`@domain/assessment`), so the bench and
 * the tests measure the very pipeline the command and the pane run; this module keeps the command line's import path.
 */
export { triageMessages } from "@domain/assessment/triageMessages";
export type { TriageInput, TriageLine, TriageOptions } from "@domain/assessment/triageMessages";
