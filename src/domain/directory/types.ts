/** The firm directory: the `directory.json` import format (docs/directory.md). */
export type Role = "partner" | "associate" | "paralegal" | "assistant";
export type MatterStatus = "open" | "closed";

export interface WorkingHours {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly days: readonly number[];
  /** "HH:MM" local to the firm's time zone. */
  readonly start: string;
  readonly end: string;
}

export interface Firm {
  readonly name: string;
  readonly domains: readonly string[];
  /** IANA time zone, e.g. "Europe/London". */
  readonly timeZone: string;
  readonly workingHours: WorkingHours;
  /** "YYYY-MM-DD" dates that are not working days. */
  readonly holidays: readonly string[];
  /** Regular expression sources that find matter references in text. */
  readonly matterRefPatterns: readonly string[];
}

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
}

export interface Contact {
  readonly name: string;
  readonly email: string;
}

export interface Client {
  readonly id: string;
  readonly name: string;
  readonly domains: readonly string[];
  readonly contacts: readonly Contact[];
  /** Reply deadline in hours for this client's mail; a matter's own `slaHours` wins over it (see `slaFor`). */
  readonly slaHours?: number;
}

export interface OpposingParty {
  readonly name: string;
  readonly domains?: readonly string[];
  readonly emails?: readonly string[];
}

export interface Matter {
  readonly id: string;
  readonly number: string;
  readonly clientId: string;
  readonly title: string;
  readonly status: MatterStatus;
  readonly responsible: string;
  readonly team?: readonly string[];
  readonly keywords?: readonly string[];
  readonly aliases?: readonly string[];
  readonly opposing?: readonly OpposingParty[];
  /** Reply deadline in hours for this matter's mail: the most specific one (see `slaFor`). */
  readonly slaHours?: number;
  /**
   * Other clients this matter is for, jointly with `clientId` (a couple buying a house, co-defendants): mail to
   * their contacts about the matter is not mail to another client. Ids of clients in the directory.
   */
  readonly jointClientIds?: readonly string[];
}

export interface Directory {
  readonly firm: Firm;
  readonly people: readonly Person[];
  readonly clients: readonly Client[];
  readonly matters: readonly Matter[];
}
