import type { CurrentItem } from "@ports/mailSource";
import type { Draft } from "@domain/replies/types";
import type { Finding } from "@domain/readability/checkDraft";
import type { ReplySuggestions } from "./service";

export type { ReplySuggestions };

/**
 * What the UI can do about plain-language replies and the draft checker. The engines behind it are
 * loaded on first use (a lazily loaded chunk). Nothing is ever sent, and nothing leaves the device.
 */
export interface RepliesCapability {
  /** Intent, tone and up to three drafts for the open item (in compose mode: for the client message it replies to). */
  suggest(item: CurrentItem): Promise<ReplySuggestions>;
  /** "read": opens Outlook's reply form with the draft (escaped HTML, under 32 KB); "compose": inserts it at the cursor. */
  insert(draft: Draft, mode: "read" | "compose"): Promise<void>;
  /** The draft being composed, for the checker. */
  readonly draft: {
    /** The attorney's own text of the draft (quoted history left out); findings' offsets refer to it. */
    getText(): Promise<string>;
    /** Applies `finding`'s one-click fix (its `fix`, offsets in the text last read by `getText`) to the open draft. */
    fix(finding: Finding): Promise<void>;
  };
}
