import { useCallback, useEffect, useRef, useState } from "react";
import type { CurrentItem, MailSource } from "@ports/mailSource";

export type ItemState =
  | { readonly status: "loading"; readonly item: CurrentItem | null }
  | { readonly status: "ready"; readonly item: CurrentItem }
  | { readonly status: "error"; readonly error: unknown; readonly item: CurrentItem | null };

/**
 * Follows the open item. A pinned pane outlives its item, so each selection change reloads, and a slow read that
 * finishes after a newer selection is dropped (the sequence number), never shown against the wrong email.
 */
export function useCurrentItem(mail: MailSource): { state: ItemState; header: CurrentItem | null; reload: () => void } {
  const [state, setState] = useState<ItemState>({ status: "loading", item: null });
  // The header (sender, subject, time) shows at once where the host gives it synchronously; the body follows.
  const [header, setHeader] = useState<CurrentItem | null>(() => mail.peek?.() ?? null);
  const sequence = useRef(0);

  const load = useCallback(() => {
    const mine = ++sequence.current;
    setHeader(mail.peek?.() ?? null);
    setState((prev) => ({ status: "loading", item: prev.item }));
    mail.currentItem().then(
      (item) => {
        if (mine === sequence.current) setState({ status: "ready", item });
      },
      (error: unknown) => {
        if (mine === sequence.current) setState({ status: "error", error, item: null });
      },
    );
  }, [mail]);

  useEffect(() => {
    load();
    return mail.onItemChanged(load);
  }, [mail, load]);

  return { state, header, reload: load };
}
