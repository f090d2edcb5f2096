/**
 * The triage command's per-message work lives in core (`src/core/triage`), so the bench and the tests measure the
 * very pipeline the command runs; this module keeps the CLI's import path.
 */
export { DEFAULT_SLA_HOURS, triageMessages } from "@domain/assessment/triageMessages";
export type { TriageInput, TriageLine, TriageOptions } from "@domain/assessment/triageMessages";
