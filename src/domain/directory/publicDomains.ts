/**
 * Free and ISP mail providers. Many unrelated people share these domains, so a sender's domain
 * says nothing about their client here. Matched on the domain's first label so that country and
 * test forms ("gmail.co.uk", "yahoo.example") count too.
 */
const PUBLIC_MAIL_LABELS: ReadonlySet<string> = new Set([
  "gmail", "googlemail", "outlook", "hotmail", "live", "msn", "passport", "windowslive", "yahoo", "ymail", "rocketmail",
  "icloud", "me", "mac", "aol", "aim", "btinternet", "btopenworld", "talk21", "sky", "virginmedia", "ntlworld", "blueyonder",
  "talktalk", "tiscali", "plusnet", "proton", "protonmail", "pm", "tutanota", "tuta", "gmx", "web", "mail", "email", "inbox",
  "zoho", "yandex", "fastmail", "hey", "mailbox", "posteo", "comcast", "verizon", "att", "sbcglobal", "bellsouth", "cox",
  "earthlink", "charter", "optonline", "orange", "wanadoo", "free", "laposte", "sfr", "t-online", "freenet", "libero",
  "virgilio", "alice", "telefonica", "terra", "qq", "163", "126", "sina", "naver", "hanmail", "rediffmail", "bigpond",
  "optusnet", "shaw", "rogers", "sympatico", "xtra", "eircom", "ziggo", "kpnmail", "seznam", "wp", "onet", "o2",
]);

/** True when a domain belongs to a public mail provider (gmail.com, outlook.example, btinternet.co.uk …). */
export function isPublicMailDomain(domain: string): boolean {
  // The first label without splitting the whole domain: this runs for every client and opposing domain of a directory.
  const dot = domain.indexOf(".");
  const first = dot < 0 ? domain : domain.slice(0, dot);
  return PUBLIC_MAIL_LABELS.has(first) || PUBLIC_MAIL_LABELS.has(first.toLowerCase());
}
