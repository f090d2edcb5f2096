import type { Directory } from "@domain/directory/types";

/** An invented firm used across directory and recognition tests (not the sample's). */
export function testDirectory(): Directory {
  return {
    firm: {
      name: "Ashby Quill LLP", domains: ["ashbyquill.test"], timeZone: "America/Chicago",
      workingHours: { days: [1, 2, 3, 4, 5], start: "08:30", end: "17:00" }, holidays: ["2026-07-03"],
      matterRefPatterns: ["\\b20\\d{2}-\\d{4}\\b", "\\b[A-Z]{2,4}/\\d{4}\\b"],
    },
    people: [
      { id: "p1", name: "Ruth Ashby", email: "ruth@ashbyquill.test", role: "partner" },
      { id: "p2", name: "Omar Quill", email: "omar@ashbyquill.test", role: "associate" },
    ],
    clients: [
      { id: "k1", name: "Tidewell Foods Inc", domains: ["tidewell.test"], contacts: [
        { name: "Ivy Ramos", email: "ivy@tidewell.test" }, { name: "Sam Ortiz", email: "sam.ortiz@tidewell.test" }] },
      { id: "k2", name: "Percy Lindqvist", domains: [], contacts: [{ name: "Percy Lindqvist", email: "percy.l@gmail.test" }] },
      { id: "k3", name: "Coralline Studio LLC", domains: ["coralline.test"], contacts: [{ name: "Mae", email: "mae@coralline.test" }] },
    ],
    matters: [
      { id: "x1", number: "2026-0101", clientId: "k1", title: "Trademark opposition: CRUNCHO mark", status: "open", responsible: "p1",
        keywords: ["trademark", "opposition", "Cruncho", "TTAB"], aliases: ["RA/0101"],
        opposing: [{ name: "Snackwave Brands Inc (opposer)", domains: ["hollisfarr.test"], emails: ["dee@hollisfarr.test"] }] },
      { id: "x2", number: "2026-0102", clientId: "k1", title: "Warehouse lease, Dock 9", status: "open", responsible: "p2",
        keywords: ["Dock 9", "warehouse lease", "estoppel certificate", "lease"], aliases: ["OQ/0102"], opposing: [] },
      { id: "x3", number: "2025-0077", clientId: "k1", title: "Supplier contract with Brightmill", status: "closed", responsible: "p2",
        keywords: ["Brightmill", "supply agreement"], aliases: ["OQ/0077"], opposing: [] },
      { id: "x4", number: "2026-0110", clientId: "k2", title: "Estate of Agnes Lindqvist", status: "open", responsible: "p1",
        keywords: ["letters testamentary", "Agnes Lindqvist", "inventory"], aliases: ["RA/0110", "PR-44871"], opposing: [] },
      { id: "x5", number: "2026-0111", clientId: "k2", title: "Sale of 12 Fernhill Drive", status: "open", responsible: "p1",
        keywords: ["Fernhill Drive", "closing", "title commitment"], aliases: ["RA/0111"],
        opposing: [{ name: "Birch Title Co", domains: ["birchtitle.test"], emails: [] }] },
      { id: "x6", number: "2026-0120", clientId: "k3", title: "Studio lease, Pier 4", status: "open", responsible: "p2",
        keywords: ["Pier 4", "studio lease"], aliases: ["OQ/0120"], opposing: [] },
    ],
  };
}
