import { describe, expect, it } from "vitest";
import { INTENTS } from "@domain/language/intentTypes";
import { ClientMailError, countClientMail, loadClientMail, parseClientMail, type Half } from "../../scripts/data/clientMail";

// The labelled client mail the language detector is developed on (read) and judged on (unread): both halves must
// load without a single bad line and keep the balance the measures rely on.
const halves: Half[] = ["read", "unread"];
const loaded = Object.fromEntries(halves.map((h) => [h, loadClientMail(h)])) as Record<Half, ReturnType<typeof loadClientMail>>;

/** The intents the detector most often got wrong get more examples than the floor. */
const MORE = new Set(["status_request", "scheduling", "document_request", "complaint"]);

describe.each(halves)("data/client-mail/%s.jsonl", (half) => {
  const counts = countClientMail(loaded[half]);

  it("has about 240 emails", () => {
    expect(counts.total).toBeGreaterThanOrEqual(220);
    expect(counts.total).toBeLessThanOrEqual(260);
  });

  it.each([...INTENTS])("has enough %s emails", (intent) => {
    expect(counts.intent[intent]).toBeGreaterThanOrEqual(MORE.has(intent) ? 20 : 12);
  });

  it("has at least 45 emails unhappy with the firm and 40 angry or worried about someone else", () => {
    expect(counts.unhappy).toBeGreaterThanOrEqual(45);
    expect(counts.target.firm).toBe(counts.unhappy);
    expect(counts.target.other).toBeGreaterThanOrEqual(40);
  });

  it("spreads unhappiness over the behaviours, and keeps the look-alikes that are not unhappy", () => {
    const unhappyBehaviours = new Set(loaded[half].filter((m) => m.unhappy).map((m) => m.behaviour));
    for (const b of ["repeated chasing", "bill dispute", "firm error", "asks for partner", "threat to move firms", "sarcasm", "kept in the dark"]) {
      expect(unhappyBehaviours, b).toContain(b);
    }
    for (const b of ["first polite follow-up", "negated complaint", "request + third-party frustration"]) {
      const examples = loaded[half].filter((m) => m.behaviour === b);
      expect(examples.length, b).toBeGreaterThanOrEqual(3);
      expect(
        examples.every((m) => !m.unhappy),
        b,
      ).toBe(true);
    }
  });

  it("has emails that need a reply and emails that do not", () => {
    expect(counts.needsReply).toBeGreaterThan(counts.total / 2);
    expect(counts.total - counts.needsReply).toBeGreaterThanOrEqual(30);
  });
});

describe("the two halves", () => {
  it("share no id and no email text", () => {
    const readIds = new Set(loaded.read.map((m) => m.id));
    const readBodies = new Set(loaded.read.map((m) => m.body.trim()));
    expect(loaded.unread.filter((m) => readIds.has(m.id))).toEqual([]);
    expect(loaded.unread.filter((m) => readBodies.has(m.body.trim())).map((m) => m.id)).toEqual([]);
  });
});

describe("the validator", () => {
  const good = {
    id: "r001",
    subject: "Any news?",
    body: "Has the other side replied yet?",
    intent: "status_request",
    unhappy: false,
    unhappyTarget: null,
    needsReply: true,
    behaviour: "neutral request",
    note: "Plain status question.",
  };
  const line = (over: Record<string, unknown>) => JSON.stringify({ ...good, ...over });

  it("accepts a good line", () => {
    expect(parseClientMail(`${line({})}\n`, "read")).toEqual([good]);
  });

  it("accepts an email with no subject (real mail has them) but not an empty body", () => {
    expect(parseClientMail(`${line({ subject: "" })}\n`, "read")).toEqual([{ ...good, subject: "" }]);
    expect(() => parseClientMail(`${line({ body: "" })}\n`, "read")).toThrow(ClientMailError);
  });

  it("rejects every bad line and lists each problem with its line number", () => {
    const text = [
      line({}),
      "{not json",
      line({ id: "r001" }),
      line({ id: "r003", intent: "chitchat" }),
      line({ id: "r004", unhappy: true, unhappyTarget: "other" }),
      line({ id: "r005", body: "   " }),
      line({ id: "u006" }),
      line({ id: "r007", needsReply: "yes", extra: 1 }),
      JSON.stringify({ id: "r008", subject: "x" }),
      "",
      line({ id: "r011", intent: "complaint" }),
    ].join("\n");
    let error: unknown;
    try {
      parseClientMail(text, "read");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClientMailError);
    const problems = (error as ClientMailError).problems.join("\n");
    expect(problems).toMatch(/:2: not JSON/);
    expect(problems).toMatch(/:3 \(r001\): duplicate id r001/);
    expect(problems).toMatch(/:4 \(r003\): intent "chitchat"/);
    expect(problems).toMatch(/:5 \(r004\): unhappy is true but unhappyTarget is "other"/);
    expect(problems).toMatch(/:6 \(r005\): "body" is not a non-empty string/);
    expect(problems).toMatch(/:7 \(u006\): id "u006" is not "r"/);
    expect(problems).toMatch(/:8 \(r007\): unknown field "extra"/);
    expect(problems).toMatch(/:8 \(r007\): needsReply "yes"/);
    expect(problems).toMatch(/:9 \(r008\): missing field "body"/);
    expect(problems).toMatch(/:10: not JSON/);
    expect(problems).toMatch(/:11 \(r011\): a complaint about the firm must be unhappy/);
    expect(problems).not.toMatch(/\(r008\): intent/);
    expect((error as ClientMailError).problems).toHaveLength(17);
  });
});

describe("data/client-mail/check.jsonl (the validation set: never trained on)", () => {
  const check = loadClientMail("check");
  const counts = countClientMail(check);

  it("has about 150 emails covering every intent", () => {
    expect(counts.total).toBeGreaterThanOrEqual(140);
    for (const intent of INTENTS) expect(counts.intent[intent], intent).toBeGreaterThanOrEqual(8);
  });

  it("has the unhappy behaviours and enough look-alikes that are not unhappy", () => {
    expect(counts.unhappy).toBeGreaterThanOrEqual(30);
    expect(counts.target.other).toBeGreaterThanOrEqual(20);
    const unhappyBehaviours = new Set(check.filter((m) => m.unhappy).map((m) => m.behaviour));
    for (const b of ["repeated chasing", "bill dispute", "firm error", "asks for partner", "threat to move firms", "sarcasm", "kept in the dark"]) {
      expect(unhappyBehaviours, b).toContain(b);
    }
    for (const b of ["first polite follow-up", "negated complaint"]) {
      expect(check.filter((m) => m.behaviour === b && !m.unhappy).length, b).toBeGreaterThanOrEqual(2);
    }
  });

  it("shares no email text with the files models are trained on", () => {
    const training = new Set([...loaded.read, ...loadClientMail("extra")].map((m) => m.body.trim()));
    expect(check.filter((m) => training.has(m.body.trim())).map((m) => m.id)).toEqual([]);
  });
});

describe("data/client-mail/extra2.jsonl (training side only)", () => {
  it("loads without a bad line, covers every intent and the unhappy behaviours, and shares no text with the check set", () => {
    const extra2 = loadClientMail("extra2");
    const counts = countClientMail(extra2);
    expect(counts.total).toBeGreaterThanOrEqual(250);
    for (const intent of INTENTS) expect(counts.intent[intent], intent).toBeGreaterThanOrEqual(10);
    expect(counts.unhappy).toBeGreaterThanOrEqual(60);
    expect(counts.target.other).toBeGreaterThanOrEqual(25);
    const check = new Set(loadClientMail("check").map((m) => m.body.trim()));
    expect(extra2.filter((m) => check.has(m.body.trim())).map((m) => m.id)).toEqual([]);
  });
});

describe("data/client-mail/extra.jsonl (training side only)", () => {
  it("loads without a bad line, with ids of its own", () => {
    const extra = loadClientMail("extra");
    expect(extra.length).toBeGreaterThanOrEqual(40);
    expect(extra.every((m) => /^x\d{3}$/.test(m.id))).toBe(true);
    expect(new Set(extra.map((m) => m.id)).size).toBe(extra.length);
  });
});

const WRITER_FILES = ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8", "w9", "w10", "w11", "w12", "w13", "w14", "w15", "w16", "w17", "w18", "w19", "w20", "w21", "w22", "w23", "w24", "w25", "w26", "w27", "w28", "w29", "w30", "w31", "w32", "w33", "w34", "w35", "w36", "w37", "w38", "w39", "w40", "w41", "w42", "w43", "w44", "w45", "w46", "w47", "w48", "w49", "w50"] as const;

describe.each(WRITER_FILES)("data/client-mail/%s.jsonl (a further writer, training side only)", (half) => {
  const mails = loadClientMail(half);
  const counts = countClientMail(mails);

  it("loads without a bad line and covers every intent, unhappiness and its look-alikes", () => {
    expect(counts.total).toBeGreaterThanOrEqual(230);
    for (const intent of INTENTS) expect(counts.intent[intent], intent).toBeGreaterThanOrEqual(4);
    expect(counts.unhappy).toBeGreaterThanOrEqual(20);
    expect(counts.target.other).toBeGreaterThanOrEqual(10);
    expect(counts.total - counts.needsReply).toBeGreaterThanOrEqual(15);
  });

  it("shares no email text with the check set, the read half or the other writers", () => {
    const others = [...loadClientMail("check"), ...loaded.read, ...WRITER_FILES.filter((w) => w !== half).flatMap((w) => loadClientMail(w))];
    const texts = new Set(others.map((m) => m.body.trim()));
    expect(mails.filter((m) => texts.has(m.body.trim())).map((m) => m.id)).toEqual([]);
  });
});
