import { parseArgs } from "node:util";
import type { ParseArgsConfig } from "node:util";
import { MatterlineError } from "@domain/errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * Reads a tool's arguments with `node:util` `parseArgs` in strict mode: an unknown option, an option without its
 * value or a stray argument is an `invalid-input` error that names the problem and ends with the tool's usage line.
 */
export function readCommandLine<const O extends Options, const P extends boolean = false>(
  args: readonly string[],
  spec: { readonly options: O; readonly allowPositionals?: P; readonly usage: string },
) {
  try {
    return parseArgs({ args: [...args], options: spec.options, allowPositionals: spec.allowPositionals, strict: true });
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new MatterlineError("invalid-input", `${why}\n${spec.usage}`, { cause });
  }
}

const given = (value: unknown) => (Array.isArray(value) ? value.length > 0 : Boolean(value));

/** The `invalid-input` error naming which of the `required` options `values` lacks, with the usage line. */
export function missingOptions(values: Readonly<Record<string, unknown>>, required: readonly string[], usage: string): MatterlineError {
  const list = required.filter((name) => !given(values[name])).map((name) => `--${name}`);
  const said = list.length === 1 ? list[0] : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
  return new MatterlineError("invalid-input", `${said} ${list.length === 1 ? "is" : "are"} required.\n${usage}`);
}
