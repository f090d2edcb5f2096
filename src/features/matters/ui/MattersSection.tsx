import { useEffect, useState } from "react";
import { Divider, makeStyles, tokens } from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import { MatterSearch } from "./MatterSearch";
import { MatterDetails } from "./MatterDetails";
import { AddSenderContact } from "./AddSenderContact";
import { BulkTagPanel } from "./BulkTagPanel";
import { UntaggedQueuePanel } from "./UntaggedQueuePanel";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
});

/** The Matters tab: bulk tagging of the selection, matter search with its timeline, the sender as contact, the untagged queue. */
export function MattersSection({ capabilities }: { capabilities: Capabilities }) {
  const styles = useStyles();
  const matters = capabilities.matters;
  const [open, setOpen] = useState<string | null>(null);
  // A sync or a write changed the local copy of the shared record: the open timeline is read again, in place.
  const [version, setVersion] = useState(0);
  const record = capabilities.record;
  useEffect(() => record?.onChanged(() => setVersion((v) => v + 1)), [record]);
  if (!matters) return null;
  return (
    <section aria-label="Matters" data-testid="matters-section" className={styles.root}>
      <BulkTagPanel matters={matters} />
      <MatterSearch matters={matters} label="Find a matter" onPick={(h) => setOpen(h.matter.id)} />
      {open ? <MatterDetails matters={matters} matterId={open} revision={version} onClose={() => setOpen(null)} /> : null}
      <AddSenderContact capabilities={capabilities} matters={matters} />
      <Divider />
      <UntaggedQueuePanel matters={matters} />
    </section>
  );
}
