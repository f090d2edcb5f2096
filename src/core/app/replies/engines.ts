/** Everything the replies feature loads lazily, as one chunk ("replies"). */
export { suggestForItem } from "./replySuggestions";
export { replyHtml } from "../../replies/replyHtml";
export { splitMessageText } from "../../text/newText";
export { recognizeForPane } from "../filing/paneRecognition";
