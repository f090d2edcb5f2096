import { useCallback, useEffect, useState } from "react";
import type { RecordCapability, RecordStatus } from "../api";
import { formatDateTime } from "@shell/dates";

/** The record's status, kept fresh as syncs and writes happen; `act` runs an action and shows its error. */
export function useRecordStatus(record: RecordCapability | undefined) {
  const [status, setStatus] = useState<RecordStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!record) return;
    // Showing the record's status is using it: its local copy is brought up to date from now on.
    record.use();
    let alive = true;
    const load = () =>
      void record.status().then(
        (s) => alive && setStatus(s),
        (e: unknown) => alive && setError(e),
      );
    load();
    const off = record.onChanged(load);
    return () => {
      alive = false;
      off();
    };
  }, [record]);

  const act = useCallback(async (work: () => Promise<RecordStatus>) => {
    setBusy(true);
    setError(null);
    try {
      setStatus(await work());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);

  return { status, error, busy, act, clearError: () => setError(null) };
}

/** "5 minutes ago", "just now", or the time. */
export function syncedText(iso: string | null, now: Date): string {
  if (!iso) return "not yet";
  const minutes = Math.round((now.getTime() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  return formatDateTime(iso) || iso;
}

/** "3 filings waiting to reach the matter record", or null when none wait. */
export function waitingText(status: RecordStatus): string | null {
  if (!status.waiting) return null;
  return `${status.waiting} ${status.waiting === 1 ? "filing" : "filings"} waiting to reach the matter record${status.site ? "" : " (no site set up yet)"}`;
}
