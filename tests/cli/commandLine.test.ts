import { describe, expect, it } from "vitest";
import { missingOptions, readCommandLine } from "@cli/commandLine";
import { MatterlineError } from "@domain/errors";

const USAGE = "Usage: tool --directory <file> [--me <address>] [--fast]";
const spec = {
  options: { directory: { type: "string" }, me: { type: "string", multiple: true }, fast: { type: "boolean" } },
  usage: USAGE,
} as const;

function errorOf(run: () => unknown): MatterlineError {
  try {
    run();
  } catch (e) {
    if (e instanceof MatterlineError) return e;
    throw e;
  }
  throw new Error("expected an error");
}

describe("readCommandLine", () => {
  it("reads string, repeated and boolean options", () => {
    const { values } = readCommandLine(["--directory", "d.json", "--me", "a@x.example", "--me=b@x.example", "--fast"], spec);
    expect(values).toEqual({ directory: "d.json", me: ["a@x.example", "b@x.example"], fast: true });
  });

  it("refuses an unknown option, naming it, with the usage line", () => {
    const e = errorOf(() => readCommandLine(["--directory", "d.json", "--directroy", "x"], spec));
    expect(e.code).toBe("invalid-input");
    expect(e.message).toMatch(/Unknown option '--directroy'/);
    expect(e.message.endsWith(USAGE)).toBe(true);
  });

  it("refuses an option without its value", () => {
    expect(errorOf(() => readCommandLine(["--directory"], spec)).message).toMatch(/'--directory <value>' argument missing/);
    // The next option is not taken as the value.
    expect(errorOf(() => readCommandLine(["--directory", "--fast"], spec)).message).toMatch(/--directory/);
  });

  it("refuses a stray argument unless the tool takes files", () => {
    expect(errorOf(() => readCommandLine(["d.json"], spec)).message).toMatch(/Unexpected argument 'd.json'/);
    const { positionals } = readCommandLine(["draft.txt"], { options: {}, allowPositionals: true, usage: USAGE });
    expect(positionals).toEqual(["draft.txt"]);
  });
});

describe("missingOptions", () => {
  it("names only the required options that were not given (an empty list counts as not given)", () => {
    const e = missingOptions({ directory: "d.json", me: [], now: undefined }, ["directory", "me", "now"], USAGE);
    expect(e.code).toBe("invalid-input");
    expect(e.message).toBe(`--me and --now are required.\n${USAGE}`);
    expect(missingOptions({}, ["mail"], USAGE).message).toBe(`--mail is required.\n${USAGE}`);
  });
});
