import { MatterlineError } from "@domain/errors";

/** The Office namespace, passed in rather than read from the global so tests and the workbench can supply a fake. */
export type OfficeNamespace = typeof Office;

/** The part of Office.AsyncResult we read. Office.js sets `status` to the strings "succeeded" / "failed". */
interface AsyncResultLike<T> {
  readonly status: unknown;
  readonly value?: T;
  readonly error?: { readonly code?: number; readonly name?: string; readonly message?: string } | null;
}

function failure(action: string, error: unknown): MatterlineError {
  const e = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  const reason = typeof e.message === "string" && e.message ? e.message : "no reason given";
  const details = [e.name, e.code].filter((x) => x !== undefined && x !== null && x !== "").map(String);
  return new MatterlineError("office-failed", `Outlook could not ${action}: ${reason}`, { cause: error, details });
}

/**
 * Runs an Office callback-style call as a promise. Rejects with MatterlineError("office-failed") naming the
 * action in plain words, whether the host reports failure in the result or throws synchronously.
 */
export function officeCall<T>(action: string, invoke: (callback: (result: AsyncResultLike<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (!result || result.status !== "succeeded") reject(failure(action, result?.error));
        else resolve(result.value as T);
      });
    } catch (error) {
      reject(failure(action, error));
    }
  });
}

/** Runs a synchronous Office call (e.g. displayReplyForm), turning a throw into MatterlineError("office-failed"). */
export function officeSync<T>(action: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw failure(action, error);
  }
}

/** The item Outlook has open, or a "no-item" error the pane can show plainly. */
export function requireItem(office: OfficeNamespace): NonNullable<typeof Office.context.mailbox.item> {
  const item = office.context.mailbox?.item;
  if (!item) throw new MatterlineError("no-item", "No message is open. Select a message and try again.");
  return item;
}
