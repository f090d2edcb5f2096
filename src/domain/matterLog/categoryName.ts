import type { Client, Directory, Matter } from "@domain/directory/types";
import type { MirrorCategory } from "@ports/mailboxMirror";

/** Outlook's list shows about this many characters; longer names get cut off unreadably. */
export const CATEGORY_NAME_MAX = 40;

/** Words that add length without helping anyone recognise the matter. */
const FILLER = new Set(["re", "in", "the", "of", "matter", "a", "an", "and", "for", "regarding"]);

function clean(text: string): string {
  // Commas and semicolons separate categories in some Outlook clients and exports, so they cannot be in a name.
  return text.replace(/[,;]/g, " ").replace(/\s+/g, " ").trim();
}

function stripClientPrefix(title: string, client: Client | null): string {
  if (!client) return title;
  const name = clean(client.name).toLowerCase();
  const t = title.toLowerCase();
  if (name && t.startsWith(name) && title.length > name.length) {
    return title.slice(name.length).replace(/^[\s:\-–—/|]+/, "");
  }
  return title;
}

/** Fits words into `room` characters, cutting at a word boundary; keeps at least part of the first word. */
function fitWords(words: readonly string[], room: number): string {
  let out = "";
  for (const word of words) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > room) break;
    out = next;
  }
  if (!out && words.length > 0 && room > 0) out = words[0].slice(0, room);
  return out;
}

/**
 * The mailbox category for a matter: "<number> <short title>", e.g. "2025-0042 Harbour lease". The full matter
 * number always leads, which keeps names distinct per matter (numbers are unique in a directory) and stable
 * across devices, since the name depends only on the directory.
 */
export function categoryNameFor(matter: Matter, client: Client | null): string {
  const number = clean(matter.number).slice(0, CATEGORY_NAME_MAX);
  const room = CATEGORY_NAME_MAX - number.length - 1;
  if (room <= 0) return number;
  const title = clean(stripClientPrefix(clean(matter.title), client)) || clean(client?.name ?? "");
  const words = title.split(" ").filter(Boolean);
  const meaningful = words.filter((w, i) => i === 0 || !FILLER.has(w.toLowerCase()));
  // Drop filler words only when the whole title does not fit; a title that fits is shown as written.
  const chosen = words.join(" ").length <= room ? words : meaningful;
  const short = fitWords(chosen, room).replace(/[\s:\-–—/|.]+$/, "");
  return short ? `${number} ${short}` : number;
}

/** Outlook preset colours used for matters. preset0 (red) is left for the "Overdue reply" category. */
const MATTER_PRESETS = Array.from({ length: 24 }, (_, i) => `preset${i + 1}`);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A preset colour chosen from the matter number, so every device picks the same colour. */
export function categoryColorFor(matter: Matter): string {
  return MATTER_PRESETS[fnv1a(matter.number) % MATTER_PRESETS.length];
}

/** Name and colour of a matter's category. */
export function categoryFor(matter: Matter, client: Client | null): MirrorCategory {
  return { name: categoryNameFor(matter, client), color: categoryColorFor(matter) };
}

/** Resolves matter ids to categories against a directory; null for a matter the directory does not hold. */
export function categoryResolver(directory: Directory): (matterId: string) => MirrorCategory | null {
  const matters = new Map(directory.matters.map((m) => [m.id, m]));
  const clients = new Map(directory.clients.map((c) => [c.id, c]));
  return (matterId) => {
    const matter = matters.get(matterId);
    return matter ? categoryFor(matter, clients.get(matter.clientId) ?? null) : null;
  };
}
