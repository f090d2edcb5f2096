import { Caption1, Text } from "@fluentui/react-components";
import type { Capabilities } from "../capabilities";
import type { CurrentItem } from "../../core/ports/mailSource";

/** The open email: who it involves and what it carries. Recognition, logging, the clock and replies attach here. */
export function ThisEmailTab({ item }: { capabilities: Capabilities; item: CurrentItem }) {
  const m = item.message;
  if (!m) return null;
  const people = [...m.to, ...m.cc].map((a) => a.name ?? a.email).join(", ");
  return (
    <section aria-label="This email" data-testid="this-email">
      {people ? <Caption1 block>To/Cc: {people}</Caption1> : null}
      {m.attachmentNames.length ? <Caption1 block>Attachments: {m.attachmentNames.join(", ")}</Caption1> : null}
      {item.mode === "compose" ? <Text block>Composing a message.</Text> : null}
    </section>
  );
}
