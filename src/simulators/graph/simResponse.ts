/** What a simulated route answers before it becomes a fetch Response. Shared by the mailbox and SharePoint routes. */
export interface SimResponse {
  status: number;
  body?: unknown;
  /** A text body sent as is (MIME, shared files). */
  raw?: string;
  /** A binary body (file downloads). */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
}

/**
 * Graph's error body: `{ error: { code, message, innerError } }`, with an optional more specific inner code.
 * learn.microsoft.com/graph/errors
 */
export function graphError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
  innerCode?: string,
): SimResponse {
  return {
    status,
    body: { error: { code, message, innerError: { ...(innerCode ? { code: innerCode } : {}), "request-id": "sim" } } },
    headers,
  };
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

export function encodeToken(state: object): string {
  return btoa(JSON.stringify(state)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodeToken<T>(token: string): T | null {
  try {
    const b64 = token.replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(b64 + "===".slice((b64.length + 3) % 4))) as T;
  } catch {
    return null;
  }
}
