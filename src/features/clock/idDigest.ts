/**
 * A 64-bit digest of an id, 14 characters: what a scan keeps in place of a long Graph id that it only compares for
 * equality (a sent message's key, a conversation id). Two 32-bit lanes with different multipliers, each mixed with
 * the other at the end; among the few thousand ids of a mailbox's window two collide with odds of about one in 10^12.
 * Not a cryptographic hash, and none is needed: Graph, not a sender, chooses these ids.
 */
export function idDigest(id: string): string {
  let h1 = 0xdeadbeef ^ id.length;
  let h2 = 0x41c6ce57 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return lane(h1) + lane(h2);
}

/** A 32-bit lane as 7 base-36 digits (36^7 > 2^32), so every digest has the same length. */
function lane(h: number): string {
  return (h >>> 0).toString(36).padStart(7, "0");
}
