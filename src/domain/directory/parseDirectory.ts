import { IANAZone } from "luxon";
import { MatterlineError } from "@domain/errors";
import { isSlaHours } from "@domain/clock/sla";
import type { Client, Contact, Directory, Firm, Matter, MatterStatus, OpposingParty, Person, Role, WorkingHours } from "./types";
import { MAX_REF_PATTERNS, refPatternProblem } from "./refPatternSafety";
import { findWindowsZone } from "@domain/time/windowsZones";

const ROLES: readonly Role[] = ["partner", "associate", "paralegal", "assistant"];
const STATUSES: readonly MatterStatus[] = ["open", "closed"];
const EMAIL_RE = /^[^\s@<>(),;:"[\]]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
const DOMAIN_RE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;
const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True for a syntactically valid SMTP address (the directory's, not RFC 5322's full grammar). */
export function isValidEmail(email: string): boolean {
  return EMAIL_RE.test(email);
}

/** True for a host name such as "acme.example". */
export function isValidDomain(domain: string): boolean {
  return DOMAIN_RE.test(domain);
}

/**
 * Collects problems instead of throwing at the first one, so an admin fixes a file in one pass.
 * Each problem names where it is: a JSON path, the record id and, when it can be found, the line.
 */
class Problems {
  readonly list: string[] = [];
  constructor(private readonly locate: (id: string, where: string) => string | null) {}
  add(where: string, message: string, id?: string): void {
    const at = id ? this.locate(id, where) : null;
    this.list.push(`${where}${id ? ` (id "${id}")` : ""}${at ? `, ${at}` : ""}: ${message}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(obj: Record<string, unknown>, key: string, where: string, p: Problems, id?: string, optional = false): string {
  const v = obj[key];
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (optional && (v === undefined || v === null)) return "";
  p.add(where, `"${key}" must be a non-empty string`, id);
  return "";
}

function strArray(obj: Record<string, unknown>, key: string, where: string, p: Problems, id?: string): string[] {
  const v = obj[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
    p.add(where, `"${key}" must be a list of strings`, id);
    return [];
  }
  return v.map((x: string) => x.trim());
}

function emails(list: readonly string[], where: string, p: Problems, id?: string): string[] {
  const out: string[] = [];
  for (const e of list) {
    const n = e.toLowerCase();
    if (!isValidEmail(n)) p.add(where, `"${e}" is not a valid email address`, id);
    else out.push(n);
  }
  return out;
}

function domains(list: readonly string[], where: string, p: Problems, id?: string): string[] {
  const out: string[] = [];
  for (const d of list) {
    const n = d.toLowerCase().replace(/^@/, "");
    if (!isValidDomain(n)) p.add(where, `"${d}" is not a valid domain`, id);
    else out.push(n);
  }
  return out;
}

/** A client's or matter's own reply deadline: absent (or null), else a positive number of hours. */
function optionalSlaHours(obj: Record<string, unknown>, where: string, p: Problems, id: string): number | undefined {
  const value = obj.slaHours;
  if (value === undefined || value === null) return undefined;
  if (!isSlaHours(value)) {
    p.add(where, `"slaHours" must be a positive number`, id);
    return undefined;
  }
  return value;
}

function minutes(hhmm: string): number {
  const m = HHMM_RE.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : -1;
}

function parseFirm(raw: unknown, p: Problems): Firm {
  const where = "firm";
  if (!isObject(raw)) {
    p.add(where, "missing or not an object");
    return {
      name: "",
      domains: [],
      timeZone: "UTC",
      workingHours: { days: [], start: "09:00", end: "17:00" },
      holidays: [],
      matterRefPatterns: [],
    };
  }
  const name = str(raw, "name", where, p);
  const firmDomains = domains(strArray(raw, "domains", where, p), `${where}.domains`, p);
  if (firmDomains.length === 0) p.add(where, `"domains" must list at least one firm domain (to tell inbound from outbound mail)`);
  const timeZone = str(raw, "timeZone", where, p);
  if (timeZone && !IANAZone.isValidZone(timeZone)) p.add(where, `"timeZone" "${timeZone}" is not an IANA time zone`);
  // Follow-up events go to Graph under the zone's Windows name: a zone without one could never reach the calendar.
  else if (timeZone && !findWindowsZone(timeZone))
    p.add(where, `"timeZone" "${timeZone}" has no Outlook (Windows) time zone; use the zone of a nearby city`);
  let workingHours: WorkingHours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:30" };
  const wh = raw.workingHours;
  if (!isObject(wh)) p.add(where, `"workingHours" must be an object { days, start, end }`);
  else {
    const days = wh.days;
    const okDays =
      Array.isArray(days) &&
      days.length > 0 &&
      days.every((d) => Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 7) &&
      new Set(days).size === days.length;
    if (!okDays) p.add(`${where}.workingHours`, `"days" must be distinct ISO weekdays 1 (Monday) to 7 (Sunday)`);
    const start = typeof wh.start === "string" ? wh.start : "";
    const end = typeof wh.end === "string" ? wh.end : "";
    if (minutes(start) < 0) p.add(`${where}.workingHours`, `"start" "${String(wh.start)}" must be HH:MM`);
    if (minutes(end) < 0) p.add(`${where}.workingHours`, `"end" "${String(wh.end)}" must be HH:MM`);
    if (minutes(start) >= 0 && minutes(end) >= 0 && minutes(end) <= minutes(start))
      p.add(`${where}.workingHours`, `"end" ${end} must be after "start" ${start}`);
    workingHours = { days: okDays ? (days as number[]) : [], start, end };
  }
  const holidays = strArray(raw, "holidays", where, p);
  for (const h of holidays) if (!DATE_RE.test(h)) p.add(`${where}.holidays`, `"${h}" must be a YYYY-MM-DD date`);
  const patterns = strArray(raw, "matterRefPatterns", where, p);
  if (patterns.length > MAX_REF_PATTERNS)
    p.add(where, `"matterRefPatterns" lists ${patterns.length} patterns; at most ${MAX_REF_PATTERNS} may run over every email`);
  // Each pattern runs over every email: one that can backtrack badly would let one message stall the pane.
  for (const s of patterns) {
    const problem = refPatternProblem(s);
    if (problem) p.add(`${where}.matterRefPatterns`, `"${s}" ${problem}`);
  }
  return { name, domains: firmDomains, timeZone, workingHours, holidays, matterRefPatterns: patterns };
}

/**
 * Validates a parsed directory value against the directory format (docs/directory.md). All or nothing: every problem is
 * collected and reported together in one `invalid-directory` error; nothing partial is returned.
 * `locate` maps a record id and its JSON path ("matters[3]") to a source position for messages, e.g. "line 12" (optional).
 * `extra` are problems found earlier (e.g. by the CSV reader) to report together with these.
 */
export function validateDirectory(
  raw: unknown,
  locate: (id: string, where: string) => string | null = () => null,
  extra: readonly string[] = [],
): Directory {
  const p = new Problems(locate);
  p.list.push(...extra);
  if (!isObject(raw))
    throw new MatterlineError("invalid-directory", "The directory must be a JSON object with firm, people, clients and matters.", {
      details: ["top level: not an object"],
    });
  const firm = parseFirm(raw.firm, p);
  const seen = new Map<string, string>();
  const checkId = (obj: Record<string, unknown>, where: string): string => {
    const id = str(obj, "id", where, p);
    if (!id) return "";
    const prev = seen.get(id);
    if (prev) p.add(where, `duplicate id, already used by ${prev}`, id);
    else seen.set(id, where);
    return id;
  };
  const list = (key: string): unknown[] => {
    const v = raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      p.add(key, "must be a list");
      return [];
    }
    return v;
  };

  const people: Person[] = [];
  const personEmails = new Map<string, string>();
  list("people").forEach((item, i) => {
    const where = `people[${i}]`;
    if (!isObject(item)) return p.add(where, "must be an object");
    const id = checkId(item, where);
    const name = str(item, "name", where, p, id);
    const [email = ""] = emails([str(item, "email", where, p, id)].filter(Boolean), where, p, id);
    if (email && personEmails.has(email)) p.add(where, `email ${email} is also person "${personEmails.get(email)}"`, id);
    if (email) personEmails.set(email, id);
    const role = item.role;
    if (!ROLES.includes(role as Role)) p.add(where, `"role" must be one of ${ROLES.join(", ")}`, id);
    people.push({ id, name, email, role: role as Role });
  });

  const clients: Client[] = [];
  const contactOwner = new Map<string, string>();
  list("clients").forEach((item, i) => {
    const where = `clients[${i}]`;
    if (!isObject(item)) return p.add(where, "must be an object");
    const id = checkId(item, where);
    const name = str(item, "name", where, p, id);
    const clientDomains = domains(strArray(item, "domains", where, p, id), `${where}.domains`, p, id);
    for (const d of clientDomains) if (firm.domains.includes(d)) p.add(`${where}.domains`, `${d} is a firm domain`, id);
    const contacts: Contact[] = [];
    const rawContacts = item.contacts ?? [];
    if (!Array.isArray(rawContacts)) p.add(where, `"contacts" must be a list`, id);
    else
      rawContacts.forEach((c, j) => {
        const cw = `${where}.contacts[${j}]`;
        if (!isObject(c)) return p.add(cw, "must be an object", id);
        const cname = str(c, "name", cw, p, id, true);
        const [email = ""] = emails([str(c, "email", cw, p, id)].filter(Boolean), cw, p, id);
        if (email) {
          const owner = contactOwner.get(email);
          if (owner && owner !== id) p.add(cw, `${email} is already a contact of client "${owner}"`, id);
          if (personEmails.has(email)) p.add(cw, `${email} is a person of the firm`, id);
          contactOwner.set(email, id);
        }
        contacts.push({ name: cname || email, email });
      });
    const slaHours = optionalSlaHours(item, where, p, id);
    clients.push({ id, name, domains: clientDomains, contacts, ...(slaHours !== undefined ? { slaHours } : {}) });
  });

  const clientIds = new Set(clients.map((c) => c.id));
  const personIds = new Set(people.map((x) => x.id));
  const matters: Matter[] = [];
  const numbers = new Map<string, string>();
  list("matters").forEach((item, i) => {
    const where = `matters[${i}]`;
    if (!isObject(item)) return p.add(where, "must be an object");
    const id = checkId(item, where);
    const number = str(item, "number", where, p, id);
    if (number) {
      const key = number.toLowerCase();
      if (numbers.has(key)) p.add(where, `matter number ${number} is also matter "${numbers.get(key)}"`, id);
      numbers.set(key, id);
    }
    const clientId = str(item, "clientId", where, p, id);
    if (clientId && !clientIds.has(clientId)) p.add(where, `"clientId" "${clientId}" names no client`, id);
    const title = str(item, "title", where, p, id);
    const status = item.status;
    if (!STATUSES.includes(status as MatterStatus)) p.add(where, `"status" must be "open" or "closed"`, id);
    const responsible = str(item, "responsible", where, p, id);
    if (responsible && !personIds.has(responsible)) p.add(where, `"responsible" "${responsible}" names no person`, id);
    const team = strArray(item, "team", where, p, id);
    for (const t of team) if (!personIds.has(t)) p.add(where, `"team" member "${t}" names no person`, id);
    const keywords = strArray(item, "keywords", where, p, id).filter(Boolean);
    const aliases = strArray(item, "aliases", where, p, id).filter(Boolean);
    for (const a of aliases) {
      const key = a.toLowerCase();
      const other = numbers.get(key);
      if (other && other !== id) p.add(where, `alias ${a} is also used by matter "${other}"`, id);
      numbers.set(key, id);
    }
    const opposing: OpposingParty[] = [];
    const rawOpp = item.opposing ?? [];
    if (!Array.isArray(rawOpp)) p.add(where, `"opposing" must be a list`, id);
    else
      rawOpp.forEach((o, j) => {
        const ow = `${where}.opposing[${j}]`;
        if (!isObject(o)) return p.add(ow, "must be an object", id);
        opposing.push({
          name: str(o, "name", ow, p, id),
          domains: domains(strArray(o, "domains", ow, p, id), ow, p, id),
          emails: emails(strArray(o, "emails", ow, p, id), ow, p, id),
        });
      });
    const jointClientIds = strArray(item, "jointClientIds", where, p, id).filter(Boolean);
    const seenJoint = new Set<string>();
    for (const j of jointClientIds) {
      if (!clientIds.has(j)) p.add(where, `"jointClientIds" "${j}" names no client`, id);
      else if (j === clientId) p.add(where, `"jointClientIds" repeats the matter's own client "${j}"`, id);
      else if (seenJoint.has(j)) p.add(where, `"jointClientIds" lists "${j}" twice`, id);
      seenJoint.add(j);
    }
    const slaHours = optionalSlaHours(item, where, p, id);
    matters.push({
      id,
      number,
      clientId,
      title,
      status: status as MatterStatus,
      responsible,
      team,
      keywords,
      aliases,
      opposing,
      ...(slaHours !== undefined ? { slaHours } : {}),
      ...(jointClientIds.length > 0 ? { jointClientIds } : {}),
    });
  });

  if (p.list.length > 0) {
    throw new MatterlineError(
      "invalid-directory",
      `The directory has ${p.list.length} problem${p.list.length === 1 ? "" : "s"}; nothing was imported.`,
      { details: p.list },
    );
  }
  return { firm, people, clients, matters };
}

/**
 * Parses and validates `directory.json` text (docs/directory.md). Throws one
 * `MatterlineError("invalid-directory")` listing every problem with its location; never returns a partial directory.
 */
export function parseDirectoryJson(text: string): Directory {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (cause) {
    const msg = cause instanceof Error ? cause.message : String(cause);
    throw new MatterlineError("invalid-directory", "The directory file is not valid JSON.", { cause, details: [msg] });
  }
  const lines = text.split(/\r?\n/);
  const cache = new Map<string, string | null>();
  const locate = (id: string): string | null => {
    if (cache.has(id)) return cache.get(id) ?? null;
    const needle = new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
    const idx = lines.findIndex((l) => needle.test(l));
    const line = idx < 0 ? null : `line ${idx + 1}`;
    cache.set(id, line);
    return line;
  };
  return validateDirectory(raw, locate);
}
