import { describe, expect, it } from "vitest";
import { plainMessage } from "@shell/errorMessages";
import { MatterlineError, NO_DIRECTORY_MESSAGE, noDirectoryError } from "@domain/errors";

describe("the one 'import the firm directory first' error", () => {
  it("is a client error with its own code and one plain message", () => {
    const error = noDirectoryError();
    expect(error).toBeInstanceOf(MatterlineError);
    expect(error).toMatchObject({ code: "no-directory", kind: "client", message: NO_DIRECTORY_MESSAGE });
    expect(plainMessage(error)).toEqual({ title: "Import the firm directory first (Settings tab).", detail: undefined, details: [] });
  });

  it("shows a feature's context under the plain message, only where it is given", () => {
    const error = noDirectoryError("The response clock needs to know who your clients are.");
    expect(plainMessage(error)).toEqual({
      title: NO_DIRECTORY_MESSAGE,
      detail: "The response clock needs to know who your clients are.",
      details: [],
    });
  });
});
