/**
 * Whether Microsoft 365 could be reached at the last try, learnt from the Graph requests themselves: a request that
 * fails before any answer (fetch's TypeError) marks the network down; any answer at all, even an error status, marks
 * it up again. The browser's own `online` event says nothing about a proxy, VPN or captive portal, and nothing when a
 * machine is "online" but Microsoft 365 is out of reach, so the requests are the better witness.
 */
export interface NetworkWatch {
  /** The fetch to give the Graph client. */
  readonly fetch: typeof fetch;
  isDown(): boolean;
  /** Called once per return of the network (down → up). Returns the unsubscribe. */
  onBackUp(listener: () => void): () => void;
}

/** Watches `fetchImpl` (default: the browser's fetch). */
export function createNetworkWatch(fetchImpl: typeof fetch = (input, init) => fetch(input, init)): NetworkWatch {
  let down = false;
  const listeners = new Set<() => void>();
  const watched: typeof fetch = async (input, init) => {
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      // A timeout or an abort is not a lost network: the service may be slow. Only "could not connect" counts. By
      // name, not instanceof: the workbench's fetch lives in the parent window, whose TypeError is another class.
      if ((error as { name?: unknown } | null)?.name === "TypeError") down = true;
      throw error;
    }
    if (down) {
      down = false;
      listeners.forEach((l) => l());
    }
    return response;
  };
  return {
    fetch: watched,
    isDown: () => down,
    onBackUp(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
