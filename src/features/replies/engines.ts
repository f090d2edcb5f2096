/** Everything the replies feature loads lazily, as one chunk ("replies"). */
export { replyTarget, suggestForItem } from "./service";
export { replyHtml } from "@domain/replies/replyHtml";
export { splitMessageText } from "@domain/text/newText";
export { loggedMatterOf } from "@domain/recognition/emailMatter";
