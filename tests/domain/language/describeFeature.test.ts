import { describe, expect, it } from "vitest";
import { describeFeature } from "@domain/language/describeFeature";

// The pane's reasons name what pushed a decision in plain words, never a feature's code.
describe("a model feature in plain words", () => {
  it("names words, word pairs, topics and the message's shape", () => {
    expect(describeFeature("w:invoic")).toBe('the word "invoic"');
    expect(describeFeature("b:still_wait")).toBe('the words "still wait"');
    expect(describeFeature("q:document")).toBe("asks about documents");
    expect(describeFeature("x:names-a-day")).toBe("names a day or date");
    expect(describeFeature("u:any")).toBe("unhappy with the firm");
  });
});
