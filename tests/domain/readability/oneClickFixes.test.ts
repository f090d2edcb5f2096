import { describe, expect, it } from "vitest";
import { applySuggestion, checkDraft, type Finding } from "@domain/readability";
import { LEGAL_TERMS } from "@domain/readability/legalTerms";
import { LEGAL_ADVICE_ONLY, WORDY_ONE_CLICK } from "@domain/readability/fixPolicy";

/**
 * Legal paragraphs that use every phrase the checker fixes with one click, and what each reads like after the
 * attorney has clicked every fix offered, one at a time with a fresh check after each (as the pane does).
 */
const PARAGRAPHS: readonly (readonly [draft: string, fixed: string])[] = [
  [
    "Prior to the hearing, the undersigned hereby acknowledges receipt of the aforementioned agreement. The undersigned shall sign it forthwith.",
    "Before the hearing, I acknowledge receipt of this agreement. I will sign it at once.",
  ],
  [
    "The lease was signed by the undersigned on 3 March. Please be advised that the aforesaid premises are vacant.",
    "The lease was signed by me on 3 March. These premises are vacant.",
  ],
  [
    "Please find attached the deed. Kindly return it at your earliest convenience. The terms herein apply, notwithstanding clause 4.",
    "I attach the deed. Please return it soon. The terms here apply, despite clause 4.",
  ],
  [
    "Please find enclosed the plan. Enclosed please find the survey. Could you kindly confirm receipt? Please be advised, the hearing has moved.",
    "I attach the plan. I attach the survey. Could you please confirm receipt? The hearing has moved.",
  ],
  [
    "In the event that the tenant defaults, the landlord may terminate the lease pursuant to clause 9. In the event of a breach, the deposit shall not be returned.",
    "If the tenant defaults, the landlord may end the lease under clause 9. If there is a breach, the deposit must not be returned.",
  ],
  [
    "We are in receipt of your letter. I am in receipt of the cheque in the amount of £500. Further to our call, I enclose the draft.",
    "We have received your letter. I have received the cheque for £500. Following our call, I enclose the draft.",
  ],
  [
    "In witness whereof, the parties have signed this deed. The papers, duly signed, are here. With regard to costs, each party pays its own; with regards to interest, nothing is due.",
    "The parties have signed this deed. The papers, signed, are here. About costs, each party pays its own; about interest, nothing is due.",
  ],
  [
    "Whilst the claim is sub judice, we cannot comment. The sale was void ab initio. The costs are shared pro rata. The order was made ex parte. The claim succeeds prima facie.",
    "While the claim is before the court, we cannot comment. The sale was void from the start. The costs are shared in proportion. The order was made without the other side. The claim succeeds at first sight.",
  ],
  [
    "The clause applies mutatis mutandis to the sublease. A bona fide purchaser takes free of it. The breach was de minimis and, ipso facto, not a ground for forfeiture.",
    "The clause applies with the needed changes to the sublease. A genuine purchaser takes free of it. The breach was minor and, by that fact, not a ground for forfeiture.",
  ],
  [
    "Our position vis-à-vis the landlord is firm, and our view vis-a-vis the guarantor is the same. We will commence proceedings in accordance with the protocol. By virtue of clause 3, the tenant must pay.",
    "Our position about the landlord is firm, and our view about the guarantor is the same. We will start a claim under the protocol. Because of clause 3, the tenant must pay.",
  ],
  [
    "For the avoidance of doubt, our offer stands without prejudice to our client's rights. The deed, inter alia, grants a right of way. The delay is not per se a breach, and the notice is null and void.",
    "To be clear, our offer stands without affecting our client's rights. The deed, among other things, grants a right of way. The delay is not in itself a breach, and the notice is void.",
  ],
  [
    "The sums hereinbefore described are due. Heretofore the rent fell due monthly; henceforth it falls due quarterly. The tenant paid hitherto unknown costs and thereafter left.",
    "The sums above described are due. Until now the rent fell due monthly; from now on it falls due quarterly. The tenant paid until now unknown costs and after that left.",
  ],
  [
    "We sold the box and the papers therein, and any part thereof is lost. The lease and the schedule thereto stand, as do the rights thereunder.",
    "We sold the box and the papers in it, and any part of it is lost. The lease and the schedule to it stand, as do the rights under it.",
  ],
  [
    "This is the deed whereby the land passed, the room wherein we met, and the sum whereof we spoke. Subsequent to completion, the abovementioned buyer and the above-mentioned seller met.",
    "This is the deed by which the land passed, the room in which we met, and the sum of which we spoke. After completion, this buyer and this seller met.",
  ],
  ["The said lease binds all said tenants.", "The lease binds all the tenants."],
  [
    "A number of issues are open. At the present time the tenant has a requirement for more space, and at this time we cannot accede to that.",
    "Many issues are open. At present the tenant needs more space, and now we cannot agree to that.",
  ],
  [
    "The plot adjacent to the shop has no already existing access. We have no reply as of yet, because of the fact that the agent is away.",
    "The plot next to the shop has no existing access. We have no reply yet, because the agent is away.",
  ],
  [
    "We sent it by means of courier due to the fact that the post was late. Each and every tenant knows. First and foremost, the rent is due. Owing to the fact that the boiler failed, we paid in excess of the estimate.",
    "We sent it by courier because the post was late. Each tenant knows. First, the rent is due. Because the boiler failed, we paid more than the estimate.",
  ],
  [
    "We will reply in the near future and in a timely manner. In all likelihood the claim settles. We called in an effort to settle, in light of the fact that costs are rising. In many cases the court agrees, and in some instances it does not.",
    "We will reply soon and on time. Probably the claim settles. We called to settle, because costs are rising. Often the court agrees, and sometimes it does not.",
  ],
  [
    "In order for the sale to close, the buyer must pay in order to obtain the keys. In regard to the lease, the clause is applicable to both parties. We are in the process of reviewing the file inasmuch as the deadline is near.",
    "For the sale to close, the buyer must pay to get the keys. About the lease, the clause applies to both parties. We are reviewing the file since the deadline is near.",
  ],
  [
    "The firm will commence work in May and cease trading in June. Currently the tenant has numerous complaints about the terms pertaining to repairs.",
    "The firm will begin work in May and stop trading in June. Now the tenant has many complaints about the terms about repairs.",
  ],
  [
    "The remainder of the fee is due after the expiration of the lease, not later than 30 June, provided that the tenant has sufficient funds. The agent's remuneration was agreed at the inception of the lease under a new methodology.",
    "The rest of the fee is due after the end of the lease, by 30 June, if the tenant has enough funds. The agent's pay was agreed at the start of the lease under a new method.",
  ],
  [
    "The parties must modify the plan, utilize the site, and utilise the hall. Utilization of the hall is low; utilisation of the yard is high. The tenant will expend funds to elucidate the position, and it is evident that the tenant lacks a capability to pay.",
    "The parties must change the plan, use the site, and use the hall. Use of the hall is low; use of the yard is high. The tenant will spend funds to explain the position, and it is clear that the tenant lacks an ability to pay.",
  ],
  [
    "The tenant frequently pays late. The claim was literally hopeless, and put simply, we must settle. Put simply, the offer is very low. It is a very old lease.",
    "The tenant often pays late. The claim was hopeless, and we must settle. The offer is low. It is an old lease.",
  ],
  [
    "We will take action to recover the debt in the month of May. At this point in time the time period for appeal is open. The trainee must successfully complete the course.",
    "We will recover the debt in May. At this moment the period for appeal is open. The trainee must complete the course.",
  ],
  [
    "We will wait until such time as the court rules, whether or not the tenant agrees. With reference to your letter, all tenants, with the exception of Mr Lee, have paid. With respect to costs, we agree. The factual evidence is clear, e.g. the invoices. Regarding the deposit, we hold it.",
    "We will wait until the court rules, whether the tenant agrees. About your letter, all tenants, except for Mr Lee, have paid. About costs, we agree. The evidence is clear, for example the invoices. About the deposit, we hold it.",
  ],
  ["THE UNDERSIGNED CONFIRMS THE SALE.", "I CONFIRM THE SALE."],
  ["We accept a cheque in lieu of cash.", "We accept a cheque instead of cash."],
];

/** The phrase a finding is for, as the tables spell it. */
const phraseOf = (f: Finding): string => f.text.toLowerCase().replace(/\s+/g, " ");

/** Clicks every one-click fix, first to last, checking again after each as the pane does. */
function clickEveryFix(draft: string, applied: Set<string>): string {
  let text = draft;
  for (let round = 0; round < 50; round++) {
    const next = checkDraft(text).findings.find((f) => f.oneClick);
    if (!next) return text;
    applied.add(phraseOf(next));
    text = applySuggestion(text, next);
  }
  throw new Error(`fixes never settle in: ${draft}`);
}

/** What a careful reader would mark in the result. */
function readingProblems(text: string): string[] {
  const problems: string[] = [];
  if (/ {2}/.test(text)) problems.push("double space");
  if (/\s[,.;:]/.test(text)) problems.push("space before punctuation");
  if (/,\s*,/.test(text)) problems.push("doubled comma");
  if (/\b(the|this|these|those|a|an)\s+(the|this|that|these|those|a|an)\b/i.test(text)) problems.push("doubled determiner");
  if (/(?:^|[.!?]\s+)\p{Ll}/u.test(text)) problems.push("sentence without a capital");
  if (/\bI\s+(?:is|has|does|acknowledges|confirms|agrees|certifies)\b/.test(text)) problems.push("I with a third-person verb");
  if (/\bby I\b/.test(text)) problems.push("'I' as an object");
  if (/\ba\s+[aeio]/i.test(text) || /\ban\s+[^aeiouh\s]/i.test(text)) problems.push("wrong article");
  return problems;
}

describe("one-click fixes in context", () => {
  it.each(PARAGRAPHS)("reads correctly after every fix: %s", (draft, fixed) => {
    const out = clickEveryFix(draft, new Set());
    expect(readingProblems(out)).toEqual([]);
    expect(out).toBe(fixed);
  });

  it("covers every one-click phrase of the tables in at least one paragraph", () => {
    const applied = new Set<string>();
    for (const [draft] of PARAGRAPHS) clickEveryFix(draft, applied);
    const oneClick = [...LEGAL_TERMS.map(([phrase]) => phrase).filter((p) => !LEGAL_ADVICE_ONLY.has(p)), ...WORDY_ONE_CLICK, "the said"];
    const extended = [...applied].join(" | ");
    expect(oneClick.filter((p) => !applied.has(p) && !extended.includes(p))).toEqual([]);
  });
});

describe("advice instead of a click where a swap would not read right", () => {
  const advice = (text: string, phrase: string) => {
    const f = checkDraft(text).findings.find((x) => phraseOf(x) === phrase);
    return f ? { oneClick: f.oneClick, replacement: f.replacement, fix: f.fix } : null;
  };

  it.each([
    ["It is important that the rent is paid.", "it is"],
    ["There are three issues to discuss.", "there are"],
    ["The undersigned, John Smith, acknowledges the debt.", "the undersigned"],
    ["We waive any aforementioned breach.", "any aforementioned"],
    ["He kindly agreed to wait.", "kindly"],
    ["We made an ex parte application.", "ex parte"],
    ["The deposit is returned notwithstanding that the rent is late.", "notwithstanding"],
    ["Whereas the landlord owns the building, the tenant rents a floor.", "whereas"],
    ["The parties hereto agree.", "hereto"],
    ["The lease will remain in full force.", "remain"],
    ["However, the tenant disagrees.", "however"],
    ["The clause will cease to apply.", "cease"],
    ["We have a sufficient reason.", "sufficient"],
  ])("%s → advice for “%s”", (text, phrase) => {
    const got = advice(text, phrase) ?? advice(text, phrase.replace(/^any /, ""));
    expect(got).toEqual({ oneClick: false, replacement: null, fix: null });
  });

  it("says so in the message", () => {
    const f = checkDraft("It is important that the rent is paid.").findings.find((x) => phraseOf(x) === "it is");
    expect(f?.message).toMatch(/Reword it yourself/);
  });

  it("does not read a verb of the table where the word is the noun", () => {
    const texts = checkDraft("This agreement shall remain in full force and effect. Thank you for your request.").findings.map(phraseOf);
    expect(texts).not.toContain("effect");
    expect(texts).not.toContain("request");
    expect(checkDraft("We will effect the transfer.").findings.map(phraseOf)).toContain("effect");
  });
});
