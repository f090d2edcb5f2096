import type { PaneContext } from "@hosts/context";
import type { RepliesCapability } from "./api";
import { createOfficeReplyComposer } from "@adapters/office";
import { createOfficeDraftEditor } from "@adapters/office/draftEditor";
import { editAt, ownPartOfDraft } from "./draftEdits";
import { filingHistoryFromSnapshot } from "@domain/matterLog/recognitionHistory";

// The engines (intent, tone, response sets, readability, date proposals) are only needed once a reply is
// wanted: they load as the "replies" chunk, so the pane's first paint does not wait for them.
const engines = () => import(/* webpackChunkName: "replies" */ "./engines");

/** Builds the replies capability from the pane's adapters. */
export function buildReplies(ctx: PaneContext): RepliesCapability {
  const composer = createOfficeReplyComposer(ctx.office);
  const editor = createOfficeDraftEditor(ctx.office);
  let lastText = "";
  return {
    async suggest(item) {
      const [e, loaded, snapshot] = await Promise.all([
        engines(),
        ctx.directory.current(),
        ctx.stores.history.snapshot().catch(() => null),
      ]);
      const history = snapshot ? filingHistoryFromSnapshot(snapshot) : undefined;
      // The message being answered, recognized by the pane's one recognizer (the same evidence filing and follow-ups
      // use, the mailbox read shared with them), so a draft never names another matter than the pane shows.
      const target = loaded ? e.replyTarget(item, ctx.me.email) : null;
      const pane = target ? await ctx.recognizer.recognize(target).catch(() => null) : null;
      return e.suggestForItem(item, {
        directory: loaded,
        me: ctx.me,
        now: ctx.now(),
        history,
        recognition: pane?.recognition,
        loggedMatterId: pane ? e.loggedMatterOf(pane) : null,
      });
    },
    async insert(draft, mode) {
      if (mode === "compose") return composer.insertAtCursor(draft.text);
      const { replyHtml } = await engines();
      return composer.openReply(replyHtml(draft.text));
    },
    draft: {
      async getText() {
        const [e, text] = await Promise.all([engines(), editor.getText()]);
        lastText = ownPartOfDraft(text, e.splitMessageText(text).quoted);
        return lastText;
      },
      async fix(finding) {
        if (!finding.fix) return;
        await editor.replace(editAt(lastText, finding.fix.start, finding.fix.end), finding.fix.text);
      },
    },
  };
}
