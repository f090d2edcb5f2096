/** Access and refresh tokens as MSAL issues them to us (JWT: three base64url parts). */
const JWT = /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/;

/**
 * True when a setting would hold a credential. Tokens live only in MSAL's cache; a token in IndexedDB would
 * outlive sign-out and be readable by any script on the origin, so settings refuse them outright.
 */
export function holdsToken(key: string, value: unknown, depth = 0): boolean {
  if (/token|secret|password|credential/i.test(key)) return true;
  if (typeof value === "string") return JWT.test(value.trim());
  if (depth < 8 && typeof value === "object" && value !== null) {
    return Object.entries(value).some(([k, v]) => holdsToken(k, v, depth + 1));
  }
  return false;
}
