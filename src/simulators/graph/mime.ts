import type { GraphEmailAddress, GraphMessage } from "./types";

/** An address as a MIME header shows it; names with specials are quoted. */
function addressHeader(a: GraphEmailAddress | undefined): string {
  if (!a) return "";
  const name = a.emailAddress.name?.replace(/["\\\r\n]/g, "") ?? "";
  return name ? `"${name}" <${a.emailAddress.address}>` : a.emailAddress.address;
}

/** RFC 2047 encoded word for header text that is not plain ASCII. */
function headerText(text: string): string {
  const clean = text.replace(/[\r\n]+/g, " ");
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  const bytes = new TextEncoder().encode(clean);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return `=?utf-8?B?${btoa(bin)}?=`;
}

/**
 * The MIME a message's `$value` gives when it was seeded without one: the headers Graph would keep and the body.
 * learn.microsoft.com/graph/outlook-get-mime-message
 */
export function mimeOf(msg: GraphMessage): string {
  const date = new Date(msg.sentDateTime ?? msg.receivedDateTime ?? 0).toUTCString().replace("GMT", "+0000");
  const html = msg.body?.contentType === "html";
  const lines = [
    `Message-ID: ${msg.internetMessageId ?? `<${msg.id}@sim.graph.example>`}`,
    `Date: ${date}`,
    `From: ${addressHeader(msg.from)}`,
    ...(msg.toRecipients?.length ? [`To: ${msg.toRecipients.map(addressHeader).join(", ")}`] : []),
    ...(msg.ccRecipients?.length ? [`Cc: ${msg.ccRecipients.map(addressHeader).join(", ")}`] : []),
    `Subject: ${headerText(msg.subject ?? "")}`,
    "MIME-Version: 1.0",
    `Content-Type: ${html ? "text/html" : "text/plain"}; charset="utf-8"`,
    "Content-Transfer-Encoding: 8bit",
    "",
    (msg.body?.content ?? "").replace(/\r?\n/g, "\r\n"),
  ];
  return lines.join("\r\n");
}
