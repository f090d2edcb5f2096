import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import { CSV_COLUMNS, exportCsv, exportJson } from "@domain/matterLog/exportLog";
import type { LogEntry } from "@domain/matterLog/types";

const entry: LogEntry = {
  internetMessageId: "<a@b>",
  conversationId: "c",
  direction: "inbound",
  from: { name: 'Smith, "Jo"', email: "jo@client.test" },
  to: [{ email: "pat@firm.test" }, { name: "Amy", email: "amy@firm.test" }],
  cc: [],
  subject: 'Lease, "final" draft',
  sentAt: "2026-03-02T10:00:00.000Z",
  receivedAt: "2026-03-02T10:00:05.000Z",
  snippet: "line one\nline two",
  attachmentNames: ["a.pdf", "b,c.docx"],
  matterId: "m1",
  category: "2025-0042 Harbour lease",
  loggedBy: "pat@firm.test",
  loggedAt: "2026-03-02T12:00:00.000Z",
  source: "manual",
  timeEntry: { tenths: 3, narrative: "=SUM(A1)" },
  mailbox: null,
  graphId: null,
};

describe("exportCsv", () => {
  it("quotes commas, quotes and newlines so the file parses back to the same values", () => {
    const csv = exportCsv([entry]);
    expect(csv).toContain('"Lease, ""final"" draft"');
    expect(csv).toContain('"line one\nline two"');
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true });
    expect(parsed.data[0]).toEqual([...CSV_COLUMNS]);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, parsed.data[1][i]]));
    expect(row.subject).toBe('Lease, "final" draft');
    expect(row.snippet).toBe("line one\nline two");
    expect(row.from).toBe('Smith, "Jo" <jo@client.test>');
    expect(row.to).toBe("pat@firm.test; Amy <amy@firm.test>");
    expect(row.attachments).toBe("a.pdf; b,c.docx");
    expect(row.hours).toBe("0.3");
    // A narrative that looks like a formula is defused for spreadsheets.
    expect(row.narrative).toBe("'=SUM(A1)");
    expect(parsed.data).toHaveLength(2);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("writes a header even with no entries", () => {
    expect(exportCsv([])).toBe(`${CSV_COLUMNS.join(",")}\r\n`);
  });
});

describe("exportJson", () => {
  it("round-trips the entries", () => {
    expect(JSON.parse(exportJson([entry]))).toEqual({ entries: [entry] });
  });
});
