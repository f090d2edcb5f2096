import type { DirectoryIndex } from "@domain/directory/directoryIndex";

/** Who sent a message, seen from the firm. */
export type Direction = "inbound" | "outbound" | "internal";

/** The sender's relation to the firm and its matters. */
export type SenderRole = "me" | "colleague" | "client" | "opposing_counsel" | "court" | "bulk" | "unknown";

/**
 * What the firm has filed before, learned from the matter log (storage lives elsewhere): how often
 * mail from or to an address went to each matter, and which matter each conversation was logged to.
 */
export interface FilingHistory {
  /** Lower-case address → matter id → number of messages filed. */
  readonly byAddress: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Conversation id → matter id its messages were logged to. */
  readonly byConversation: ReadonlyMap<string, string>;
}

/** Everything recognition needs besides the message. */
export interface RecognitionContext {
  readonly index: DirectoryIndex;
  /** The mailbox owner's address(es). */
  readonly me: readonly string[];
  readonly history?: FilingHistory;
  /** Matter ids of messages of the same conversation already logged (from the mailbox, when not in `history`). */
  readonly threadMatterIds?: readonly string[];
  /**
   * The writer's own words ask for new work (the reading's intent is `new_matter_inquiry`): then only a reference, the
   * thread or the other side's lawyers put it on an existing matter, not the client's address, history or loose words.
   */
  readonly newWork?: boolean;
  /**
   * The firm's own mail answers a request for new work (the message it quotes asks for it, `answersNewWork`): the reply
   * is about the new work too, so the same holds for it.
   */
  readonly answersNewWork?: boolean;
}

/** One matter the message may belong to, with its evidence. */
export interface RecognitionCandidate {
  readonly matterId: string;
  readonly clientId: string;
  /** Raw evidence score (sum of signal weights). */
  readonly score: number;
  /** 0..1: how sure filing to this matter would be (against the best rival: 0 for every candidate but the first). */
  readonly confidence: number;
  /** 0..1: this candidate's part of the evidence for all the candidates listed, to weigh them against each other. */
  readonly share: number;
  readonly reasons: readonly string[];
}

/** The recognition result: client and matter (or an abstention) with human-readable reasons. */
export interface Recognition {
  readonly direction: Direction;
  readonly senderRole: SenderRole;
  readonly clientId: string | null;
  readonly matterId: string | null;
  readonly confidence: number;
  /** Best first, at most five. */
  readonly candidates: readonly RecognitionCandidate[];
  readonly reasons: readonly string[];
  /** True when a matter was considered but evidence was too weak or split: ask, do not file. */
  readonly abstained: boolean;
  /** When abstaining: what would decide it. */
  readonly decideHint?: string;
}
