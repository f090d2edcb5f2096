import type { tokens } from "@fluentui/react-components";

/** A Fluent v9 design token's name ("colorNeutralBackground1"). */
export type TokenName = keyof typeof tokens;

/**
 * The CSS variable of a Fluent token, as `tokens[name]` gives it. The pane's first script uses this instead of the
 * `tokens` object, which alone weighs 29 KB; FluentProvider defines these variables from the theme either way.
 */
export function fluentVar(name: TokenName): string {
  return `var(--${name})`;
}
