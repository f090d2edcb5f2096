import { Suspense, lazy } from "react";
import { Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Capabilities } from "@shell/capabilities";
import type { CurrentItem } from "@ports/mailSource";

// The drafts, the checker and their engines are a separate chunk: most emails are read without a reply.
const RepliesView = lazy(() => import(/* webpackChunkName: "replies" */ "./RepliesView").then((m) => ({ default: m.RepliesView })));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** Plain-language reply suggestions for the open email, and the draft checker while composing. */
export function EmailRepliesSection({ capabilities, item }: { capabilities: Capabilities; item: CurrentItem }) {
  const styles = useStyles();
  const replies = capabilities.replies;
  if (!replies || item.mode === "none" || !item.message) return null;
  return (
    <section aria-label="Replies" data-testid="replies-section" className={styles.root}>
      <Subtitle2 as="h3">Reply</Subtitle2>
      <Suspense fallback={<Spinner size="tiny" label="Loading reply suggestions…" />}>
        <RepliesView replies={replies} item={item} />
      </Suspense>
    </section>
  );
}
