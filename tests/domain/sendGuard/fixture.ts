import type { Directory } from "@domain/directory/types";
import type { OutgoingMail } from "@domain/sendGuard";
import { loadRecipientIndex, serializeRecipientIndex } from "@domain/sendGuard";
import { testDirectory } from "../directory/fixtures";

/**
 * The directory tests' invented firm with two more clients: Nadia and Ben Rowe, joint clients with Percy Lindqvist
 * on the Fernhill Drive sale, and a client whose only contact writes from a public mail provider.
 */
export function guardDirectory(): Directory {
  const base = testDirectory();
  return {
    ...base,
    clients: [
      ...base.clients,
      { id: "k4", name: "Nadia and Ben Rowe", domains: [], contacts: [{ name: "Nadia Rowe", email: "nadia.rowe@outlook.test" }] },
      {
        id: "k5",
        name: "Halvorsen Marine AS",
        domains: ["halvorsenmarine.co.uk"],
        contacts: [{ name: "Kari Halvorsen", email: "kari.halvorsen@halvorsenmarine.co.uk" }],
      },
    ],
    matters: base.matters.map((m) => (m.id === "x5" ? { ...m, jointClientIds: ["k4"] } : m)),
  };
}

export function guardIndex(directory: Directory = guardDirectory()) {
  return loadRecipientIndex(serializeRecipientIndex(directory, "2026-01-01T00:00:00.000Z"));
}

/** A draft with only the given lines filled. */
export function draft(
  parts: Partial<Record<"to" | "cc" | "bcc", string[]>> & Partial<Omit<OutgoingMail, "to" | "cc" | "bcc">>,
): OutgoingMail {
  const list = (xs: string[] | undefined) => (xs ?? []).map((email) => ({ email }));
  return {
    to: list(parts.to),
    cc: list(parts.cc),
    bcc: list(parts.bcc),
    subject: parts.subject ?? "",
    bodyText: parts.bodyText ?? "",
    attachmentNames: parts.attachmentNames ?? [],
  };
}
