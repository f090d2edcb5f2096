import { describe, expect, it } from "vitest";
import { factsStamp } from "@features/clock/scanStamp";
import { LANGUAGE_MODELS_STAMP } from "@domain/language/modelsStamp";
import { BODY_FACTS_VERSION } from "@domain/assessment/bodyFacts";
import { directory } from "./overdueFixtures";

describe("the stamp scanned facts hold for", () => {
  it("names the committed language weights, so retraining a model makes kept readings stale", () => {
    // One 12-hex start of weightsSha256 per model (intent, request, unhappy): a missing checksum would leave "" here.
    expect(LANGUAGE_MODELS_STAMP).toMatch(/^[0-9a-f]{12}\.[0-9a-f]{12}\.[0-9a-f]{12}$/);
    const stamp = factsStamp(directory, "ann@firm.example");
    expect(stamp.split("|").slice(0, 2)).toEqual([String(BODY_FACTS_VERSION), LANGUAGE_MODELS_STAMP]);
    expect(stamp.endsWith("|ann@firm.example")).toBe(true);
  });
});
