import { toMatterlineError, type MatterlineError } from "@domain/errors";
import { officeCall, type OfficeNamespace } from "./officeCall";

type Listener = () => void;

interface Registration {
  readonly listeners: Set<Listener>;
  /** Every subscriber hears about a failed registration, not only the first. */
  readonly errorSinks: Set<(error: MatterlineError) => void>;
}

/**
 * One Office handler per mailbox event, fanned out to our listeners. Office's removeHandlerAsync removes every
 * handler of the event type, so two modules registering separately could unsubscribe each other.
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
    const created: Registration = { listeners: new Set(), errorSinks: new Set() };
    reg = created;
    byType.set(eventType, created);
    void officeCall<void>("start watching for changes", (cb) =>
      mailbox.addHandlerAsync(eventType, () => created.listeners.forEach((l) => l()), cb),
    ).catch((error: unknown) => {
      // Forget the failed registration so a later subscriber tries again.
      byType.delete(eventType);
      const e = toMatterlineError(error, "office-failed");
      created.errorSinks.forEach((sink) => sink(e));
      created.listeners.clear();
      created.errorSinks.clear();
    });
  }
  const current = reg;
  current.listeners.add(listener);
  current.errorSinks.add(onError);
  // The Office handler stays registered once made: removeHandlerAsync would also drop a registration made
  // meanwhile by a new subscriber, and an idle handler with no listeners costs nothing.
  return () => {
    current.listeners.delete(listener);
    current.errorSinks.delete(onError);
  };
}
