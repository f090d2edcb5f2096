import type { FakeMailItem } from "./types";

/** Builds a plausible received message for tests; every field can be overridden. */
export function fakeMessage(n: number, overrides: Partial<FakeMailItem> = {}): FakeMailItem {
  return {
    itemId: `AAMk/item+${n}==`,
    internetMessageId: `<msg-${n}@client.example>`,
    conversationId: `conv-${n}`,
    subject: `Question ${n} about the lease`,
    from: { displayName: `Client ${n}`, emailAddress: `Client${n}@Client.Example` },
    to: [{ displayName: "Attorney", emailAddress: "attorney@firm.example" }],
    cc: [],
    dateTimeCreated: new Date(Date.UTC(2026, 2, 2, 14, n % 60)),
    bodyText: `Hello, can you update me on item ${n}?`,
    attachments: [],
    categories: [],
    ...overrides,
  };
}
