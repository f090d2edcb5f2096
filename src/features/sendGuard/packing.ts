import { gzip, ungzip } from "pako";
import { fromByteArray, toByteArray } from "base64-js";
import { MatterlineError } from "@domain/errors";

/**
 * The recipient index as it is stored for the send handler: gzip, then base64 so it fits any string store (roaming
 * settings hold strings only). pako and base64-js are plain JavaScript with their own UTF-8 code: classic Outlook on
 * Windows runs the handler in a JavaScript-only runtime, where the browser's DecompressionStream, atob and btoa
 * cannot be counted on (learn.microsoft.com/office/dev/add-ins/testing/runtimes). pako is zlib's deflate, so
 * the stored size is what zlib would make at level 9.
 */
export interface PackedIndex {
  /** base64 of the gzip bytes. */
  readonly data: string;
  /** Size of the gzip bytes (what `sendCheck.indexKB` reports). */
  readonly gzipBytes: number;
}

/** Largest packed index `unpackIndex` accepts (base64 characters). */
export const MAX_PACKED_CHARS = 16 * 1024 * 1024;
/** Largest text a packed index may inflate to. */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/** Packs index text. Deterministic: the same text gives the same bytes (no file name or time in the gzip header). */
export function packIndex(text: string): PackedIndex {
  const bytes = gzip(text, { level: 9 });
  return { data: fromByteArray(bytes), gzipBytes: bytes.length };
}

/** Unpacks what `packIndex` made; throws MatterlineError("invalid-input") for anything else. */
export function unpackIndex(data: string): string {
  if (typeof data !== "string" || data.length === 0 || data.length > MAX_PACKED_CHARS)
    throw new MatterlineError("invalid-input", "The stored recipient index is missing or too large.");
  try {
    const packed = toByteArray(data);
    // gzip ends with the inflated size (mod 2^32): refuse a bomb before inflating it.
    const n = packed.length;
    const size = n < 18 ? -1 : (packed[n - 4] | (packed[n - 3] << 8) | (packed[n - 2] << 16) | (packed[n - 1] << 24)) >>> 0;
    if (size < 0 || size > MAX_TEXT_BYTES) throw new Error(`inflated size ${size} out of range`);
    return ungzip(packed, { to: "string" });
  } catch (cause) {
    throw new MatterlineError("invalid-input", "The stored recipient index is damaged.", { cause });
  }
}
