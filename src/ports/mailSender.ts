import type { Address } from "@domain/model/mail";

export interface OutgoingMail {
  readonly to: readonly Address[];
  readonly subject: string;
  /** HTML body, already escaped by the caller. */
  readonly html: string;
}

/** Sends mail as the signed-in user (used for the digest a partner sends to themselves). */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}
