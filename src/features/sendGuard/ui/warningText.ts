import type { SendWarning, WarningFix, WarningKind } from "../api";

/** A short heading per kind of warning. */
export const KIND_TITLE: Record<WarningKind, string> = {
  "other-client": "Another client",
  "client-and-opposing": "Client beside the other side",
  lookalike: "Looks like a known address",
  "matter-mismatch": "Another client's matter",
  "attachment-other-matter": "Attachment for another matter",
};

/** The button text of a fix, and what a screen reader says of it. */
export function fixLabel(warning: SendWarning, fix: WarningFix): { text: string; label: string } {
  switch (fix.kind) {
    case "remove":
      return { text: "Remove recipient", label: `Remove ${warning.recipient} from the recipients` };
    case "replace":
      return { text: `Use ${fix.with}`, label: `Replace ${warning.recipient} with ${fix.with}` };
    case "move-to-bcc":
      return { text: "Move to Bcc", label: `Move ${warning.recipient} to Bcc` };
    case "remove-attachment":
      return { text: "Remove attachment", label: `Remove the attachment ${fix.name}` };
  }
}
