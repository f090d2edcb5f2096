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

  // Reads the item; only the newest read may settle the state.
  const read = useCallback(() => {
    const mine = ++sequence.current;
    mail.currentItem().then(
      (item) => {
        if (mine === sequence.current) setState({ status: "ready", item });
      },
      (error: unknown) => {
        if (mine === sequence.current) setState({ status: "error", error, item: null });
      },
    );
  }, [mail]);

  // A selection change or a retry: back to loading (keeping the item on screen until the new one is read), then read.
  const load = useCallback(() => {
    setHeader(mail.peek?.() ?? null);
    setState((prev) => ({ status: "loading", item: prev.item }));
    read();
  }, [mail, read]);

  // Another mail source starts over as a selection change does (state adjusted while rendering, before it shows).
  const [source, setSource] = useState(mail);
  if (source !== mail) {
    setSource(mail);
    setHeader(mail.peek?.() ?? null);
    setState((prev) => ({ status: "loading", item: prev.item }));
  }

  // The first render already shows "loading" and the peeked header: just read.
  useEffect(() => {
    read();
    return mail.onItemChanged(load);
  }, [mail, read, load]);

  return { state, header, reload: load };
}
