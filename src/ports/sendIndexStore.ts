/** The packed recipient index as the pane leaves it for the send handler. */
export interface StoredSendIndex {
  /** When the directory it was made from was imported (ISO-8601): a newer import means a newer index. */
  readonly builtAt: string;
  /** base64 of the gzip of the index text. */
  readonly data: string;
  readonly gzipBytes: number;
}

/** Where the pane leaves the recipient index and the OnMessageSend handler finds it. */
export interface SendIndexStore {
  load(): Promise<StoredSendIndex | null>;
  /** Resolves false when this store cannot hold an index that large (then it holds none, never a stale one). */
  save(index: StoredSendIndex): Promise<boolean>;
}
