import { describe, expect, it } from "vitest";
import { CATEGORY_NAME_MAX, categoryColorFor, categoryNameFor, categoryResolver } from "@domain/matterLog/categoryName";
import type { Matter } from "@domain/directory/types";
import { directory } from "./fixtures";

const [m1, m2, m3] = directory.matters;
const [c1, c2] = directory.clients;

describe("categoryNameFor", () => {
  it("leads with the matter number and drops a repeated client name", () => {
    expect(categoryNameFor(m1, c1)).toBe("2025-0042 Harbour lease");
  });

  it("cuts long titles at a word boundary within the limit, dropping filler words and commas", () => {
    const name = categoryNameFor(m3, c2);
    expect(name.length).toBeLessThanOrEqual(CATEGORY_NAME_MAX);
    expect(name).toBe("2024-0007 Acquisition Old Mill Riverside");
    expect(name).not.toMatch(/[,;]/);
    expect(categoryNameFor(m2, c1)).toBe("2025-0043 Employment dispute with former");
  });

  it("is deterministic and distinct per matter", () => {
    const many: Matter[] = Array.from({ length: 500 }, (_, i) => ({
      ...m1,
      id: `x${i}`,
      number: `2026-${String(i).padStart(4, "0")}`,
      title: "Same title for every matter here and more",
    }));
    const names = many.map((m) => categoryNameFor(m, c1));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(500);
    expect(names.every((n) => n.length <= CATEGORY_NAME_MAX)).toBe(true);
    expect(categoryNameFor(m1, c1)).toBe(categoryNameFor({ ...m1 }, { ...c1 }));
  });

  it("falls back to the client name when the title is empty", () => {
    expect(categoryNameFor({ ...m1, title: "" }, c1)).toBe("2025-0042 Northwind Holdings");
  });

  it("picks a stable preset colour that is never the red kept for overdue", () => {
    for (const m of directory.matters) expect(categoryColorFor(m)).toMatch(/^preset([1-9]|1\d|2[0-4])$/);
    expect(categoryColorFor(m1)).toBe(categoryColorFor({ ...m1 }));
  });

  it("resolves ids through the directory", () => {
    const resolve = categoryResolver(directory);
    expect(resolve("m1")?.name).toBe("2025-0042 Harbour lease");
    expect(resolve("missing")).toBeNull();
  });
});
