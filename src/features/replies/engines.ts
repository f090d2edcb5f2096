/** Everything the replies feature loads lazily, as one chunk ("replies"). */
export { suggestForItem } from "./service";
export { replyHtml } from "@domain/replies/replyHtml";
export { splitMessageText } from "@domain/text/newText";
export { recognizeForPane } from "@domain/recognition/paneRecognition";
