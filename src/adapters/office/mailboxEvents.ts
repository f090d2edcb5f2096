import { toMatterlineError, type MatterlineError } from "../../core/errors";
import { officeCall, type OfficeNamespace } from "./officeCall";

type Listener = () => void;

interface Registration {
  readonly listeners: Set<Listener>;
  ready: Promise<void> | null;
}

/**
 * One Office handler per mailbox event, fanned out to our listeners. Office's removeHandlerAsync removes every
 * handler of the event type, so two modules registering separately would unsubscribe each other.
 */
const registry = new WeakMap<object, Map<Office.EventType, Registration>>();

/** Subscribes to a mailbox event (ItemChanged, SelectedItemsChanged, OfficeThemeChanged); returns an unsubscribe function. */
export function subscribeMailboxEvent(
  office: OfficeNamespace,
  eventType: Office.EventType,
  listener: Listener,
  onError: (error: MatterlineError) => void,
): () => void {
  const mailbox = office.context.mailbox;
  const byType = registry.get(mailbox) ?? new Map<Office.EventType, Registration>();
  registry.set(mailbox, byType);
  let reg = byType.get(eventType);
  if (!reg) {
    const created: Registration = { listeners: new Set(), ready: null };
    reg = created;
    byType.set(eventType, created);
    created.ready = officeCall<void>("start watching for changes", (cb) =>
      mailbox.addHandlerAsync(eventType, () => created.listeners.forEach((l) => l()), cb),
    ).catch((error: unknown) => {
      byType.delete(eventType);
      created.listeners.clear();
      onError(toMatterlineError(error, "office-failed"));
    });
  }
  const current = reg;
  current.listeners.add(listener);
  return () => {
    current.listeners.delete(listener);
    if (current.listeners.size > 0 || byType.get(eventType) !== current) return;
    byType.delete(eventType);
    void current.ready?.then(() =>
      officeCall<void>("stop watching for changes", (cb) => mailbox.removeHandlerAsync(eventType, cb)).catch(
        (error: unknown) => onError(toMatterlineError(error, "office-failed")),
      ),
    );
  };
}
