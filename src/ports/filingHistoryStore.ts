/** Counts of past filings, which recognition learns from. */
export interface FilingHistorySnapshot {
  /** address → matterId → number of logged emails with that correspondent. */
  readonly addresses: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** conversationId → the matter its messages were last logged to. */
  readonly conversations: Readonly<Record<string, string>>;
}

/** A change expressed as increments so two panes logging at once never lose a count. */
export interface FilingHistoryDelta {
  readonly counts: readonly { readonly address: string; readonly matterId: string; readonly delta: number }[];
  /** matterId null forgets the conversation. */
  readonly conversations: readonly { readonly conversationId: string; readonly matterId: string | null }[];
}

/** Filing history: address → matter → count, and conversation → matter. */
export interface FilingHistoryStore {
  countsFor(address: string): Promise<Record<string, number>>;
  matterForConversation(conversationId: string): Promise<string | null>;
  /** Everything, for building recognition's lookup tables once. */
  snapshot(): Promise<FilingHistorySnapshot>;
  /** Applies the increments atomically; counts that reach zero are dropped. */
  apply(delta: FilingHistoryDelta): Promise<void>;
}
