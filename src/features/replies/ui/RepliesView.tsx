import { useCallback, useEffect, useState } from "react";
import { Badge, Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CurrentItem } from "@ports/mailSource";
import type { Intent } from "@domain/language/intentTypes";
import type { Draft } from "@domain/replies/types";
import type { Finding } from "@domain/readability";
import type { RepliesCapability, ReplySuggestions } from "../api";
import { ErrorNotice } from "@shell/ErrorNotice";
import { RepliesPanel } from "./RepliesPanel";
import { DraftChecker } from "./DraftChecker";
import { matterLabel } from "@domain/directory/matterLabel";

const INTENT_LABEL: Record<Intent, string> = {
  status_request: "Asks for an update",
  document_request: "Asks for documents",
  documents_sent: "Sends documents",
  scheduling: "About a meeting or call",
  billing_question: "About a bill",
  complaint: "A complaint",
  thanks_ack: "Says thanks",
  urgent_deadline: "An urgent deadline",
  new_matter_inquiry: "A new enquiry",
  auto_reply: "An automatic reply",
  other: "Other",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  facts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  note: { overflowWrap: "anywhere" },
});

type State =
  | { readonly status: "loading" }
  | { readonly status: "ready"; readonly result: ReplySuggestions }
  | { readonly status: "error"; readonly error: unknown };

/**
 * The lazily loaded body of the replies section: what the client asks and how they feel, the drafts with
 * one-click insertion (reply form in read mode, cursor in compose mode), and in compose mode the draft checker.
 */
export function RepliesView({ replies, item }: { replies: RepliesCapability; item: CurrentItem }) {
  const styles = useStyles();
  const [state, setState] = useState<State>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const mode = item.mode === "compose" ? "compose" : "read";

  // Another email, or a retry: back to loading (adjusted while rendering, so old suggestions never show against it).
  const [shownFor, setShownFor] = useState({ replies, item, attempt });
  if (shownFor.replies !== replies || shownFor.item !== item || shownFor.attempt !== attempt) {
    setShownFor({ replies, item, attempt });
    setState({ status: "loading" });
  }

  useEffect(() => {
    let live = true;
    replies.suggest(item).then(
      (result) => live && setState({ status: "ready", result }),
      (error: unknown) => live && setState({ status: "error", error }),
    );
    return () => {
      live = false;
    };
  }, [replies, item, attempt]);

  const onInsert = useCallback((draft: Draft) => replies.insert(draft, mode), [replies, mode]);
  const getDraftText = useCallback(() => replies.draft.getText(), [replies]);
  const fixInDraft = useCallback((finding: Finding) => replies.draft.fix(finding), [replies]);

  const checker =
    mode === "compose" ? (
      <div data-testid="draft-checker">
        <DraftChecker getDraftText={getDraftText} fixInDraft={fixInDraft} />
      </div>
    ) : null;

  return (
    <div className={styles.root}>
      {state.status === "loading" ? <Spinner size="tiny" label="Reading the message…" /> : null}
      {state.status === "error" ? <ErrorNotice error={state.error} onRetry={() => setAttempt((a) => a + 1)} /> : null}
      {state.status === "ready" ? <Suggestions result={state.result} mode={mode} onInsert={onInsert} /> : null}
      {checker}
    </div>
  );
}

function Suggestions({
  result: r,
  mode,
  onInsert,
}: {
  result: ReplySuggestions;
  mode: "read" | "compose";
  onInsert: (draft: Draft) => Promise<void>;
}) {
  const styles = useStyles();
  const about = [r.contactFirstName ?? r.client?.name, r.matter ? matterLabel(r.matter) : null];
  return (
    <div className={styles.root} data-testid="replies-view">
      {r.intent ? (
        <div className={styles.facts}>
          <Badge appearance="outline" data-testid="reply-intent">
            {INTENT_LABEL[r.intent]}
          </Badge>
          {r.negativeTone ? (
            <Badge appearance="tint" color="danger" data-testid="reply-tone" title={r.toneCues.join(", ")}>
              Unhappy
            </Badge>
          ) : null}
        </div>
      ) : null}
      {r.intent && r.negativeTone && r.toneCues.length > 0 ? (
        <Caption1 className={styles.note} data-testid="reply-tone-reasons">
          Unhappy — {r.toneCues.slice(0, 2).join("; ")}
        </Caption1>
      ) : null}
      {r.intent && r.intentReasons.length > 0 ? (
        <Caption1 className={styles.note} data-testid="reply-intent-reasons">
          Why “{INTENT_LABEL[r.intent]}”: {r.intentReasons.slice(0, 2).join("; ")}
        </Caption1>
      ) : null}
      {r.reasonText ? (
        <Text className={styles.note} data-testid="replies-none">
          {r.reasonText}
        </Text>
      ) : (
        <>
          {r.client ? <Caption1 className={styles.note}>For {about.filter(Boolean).join(" · ")}</Caption1> : null}
          <RepliesPanel drafts={r.drafts} onInsert={onInsert} mode={mode} />
          <Caption1 className={styles.note}>Nothing is sent: you review the reply and send it yourself.</Caption1>
        </>
      )}
    </div>
  );
}
