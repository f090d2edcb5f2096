import { describe, expect, it } from "vitest";
import { matterLabel } from "@domain/directory/matterLabel";
import { categoryNameFor } from "@domain/matterLog/categoryName";

describe("matterLabel", () => {
  it("names a matter by its number and title", () => {
    expect(matterLabel({ number: "2024-0012", title: "Hollis lease" })).toBe("2024-0012 Hollis lease");
    expect(matterLabel({ number: "2024-0012", title: "" })).toBe("2024-0012");
  });

  it("leaves the mailbox category its own shortened form, which must fit Outlook's list", () => {
    const matter = {
      id: "m1",
      number: "2024-0012",
      clientId: "c1",
      title: "Hollis Ltd: renewal of the warehouse lease at Dock Road and the side yard",
      status: "open" as const,
      responsible: "p1",
    };
    expect(matterLabel(matter)).toBe(`2024-0012 ${matter.title}`);
    expect(categoryNameFor(matter, { id: "c1", name: "Hollis Ltd", domains: [], contacts: [] }).length).toBeLessThanOrEqual(40);
  });
});
