import { RegExpParser, visitRegExpAST, type AST } from "@eslint-community/regexpp";
import { getFirstConsumedChar } from "regexp-ast-analysis";
import { analyse, type Report } from "scslre";

/**
 * Matter reference patterns come from the firm's directory file and run over every email, so one careless (or hostile)
 * pattern would let one email stall the pane. Each is checked at import, before it can run:
 *
 * - scslre (the analyser behind eslint-plugin-regexp's super-linear rules) finds nested quantifiers (exponential),
 *   two repetitions trading the same characters (polynomial) and a repetition rescanned from every start position
 *   (quadratic over a long email) — the last matters because recognition searches the whole text, unanchored;
 * - regexp-ast-analysis finds a repeated choice whose options can begin with the same character (`(\w|\d)+`,
 *   `(a|aa)*`), which scslre does not report and which backtracks exponentially in a backtracking engine;
 * - backreferences are refused outright: with them, matching is no longer a regular-language problem.
 *
 * Both are small, pure JavaScript and run the same in Node 20 and in the browser pane. recheck, the most thorough
 * checker, ships a 2.9 MB Scala.js bundle for the browser and worker/JVM/native back ends in Node; safe-regex2 only
 * measures star height, so it misses overlapping choices and rescans, and refuses lookbehind that is harmless.
 */

/** Longest pattern accepted: reference formats are short, and a long expression is hard for an admin to review. */
export const MAX_REF_PATTERN_CHARS = 200;
/** Most patterns a directory may hold: each one runs over every email. */
export const MAX_REF_PATTERNS = 20;

/** The flags recognition compiles the patterns with (see directoryIndex.ts). */
const FLAGS = "g";

const parser = new RegExpParser();

/** Repeats more than once: a choice inside can be tried again at the next character. */
function repeats(node: AST.Node): boolean {
  for (let p: AST.Node | null = node.parent; p; p = p.parent) if (p.type === "Quantifier" && p.max > 1) return true;
  return false;
}

/** The first choice of a repeated group whose options can start alike (or be empty), as its source text. */
function ambiguousChoice(pattern: AST.Pattern, flags: AST.Flags): string | null {
  let found: string | null = null;
  const check = (group: AST.Group | AST.CapturingGroup) => {
    if (found || group.alternatives.length < 2 || !repeats(group)) return;
    const firsts = group.alternatives.map((a) => getFirstConsumedChar(a, "ltr", flags));
    for (let i = 0; i < firsts.length && !found; i++) {
      if (firsts[i].empty) found = group.raw;
      for (let j = i + 1; j < firsts.length && !found; j++) if (!firsts[i].char.isDisjointWith(firsts[j].char)) found = group.raw;
    }
  };
  visitRegExpAST(pattern, { onGroupEnter: check, onCapturingGroupEnter: check });
  return found;
}

function hasBackreference(pattern: AST.Pattern): boolean {
  let found = false;
  visitRegExpAST(pattern, { onBackreferenceEnter: () => void (found = true) });
  return found;
}

function reportText(report: Report): string {
  const sample = report.character.pick.replace(/\s/, " ");
  switch (report.type) {
    case "Self":
      return `repeats "${report.parentQuant.raw}", which holds a repetition of its own: an email with a long run of "${sample}" makes it take exponential time. Remove the inner repetition`;
    case "Trade":
      return `has two repetitions, "${report.startQuant.raw}" and "${report.endQuant.raw}", that can match the same characters: a long run of "${sample}" makes it take ${report.exponential ? "exponential" : "polynomial"} time. Make them match different characters`;
    case "Move":
      return `rescans "${report.quant.raw}" from every position of a long run of "${sample}", which takes quadratic time on a long email. Bound it (for example {1,20}) or start the pattern with fixed text`;
  }
}

/**
 * Why a matter reference pattern must not run over mail, or null when it is safe: not a valid expression, too long,
 * a backreference, a repeated choice whose options overlap, or super-linear backtracking or rescanning.
 */
export function refPatternProblem(source: string): string | null {
  if (source.length > MAX_REF_PATTERN_CHARS)
    return `is ${source.length} characters long; patterns may have at most ${MAX_REF_PATTERN_CHARS}`;
  let pattern: AST.Pattern;
  let flags: AST.Flags;
  try {
    new RegExp(source, FLAGS);
    pattern = parser.parsePattern(source, 0, source.length, { unicode: false, unicodeSets: false });
    flags = parser.parseFlags(FLAGS);
  } catch {
    return "is not a valid regular expression";
  }
  if (hasBackreference(pattern))
    return "uses a backreference (\\1 or \\k<name>), which can take exponential time on a hostile email. Match the text itself instead";
  const choice = ambiguousChoice(pattern, flags);
  if (choice)
    return `repeats "${choice}", whose options can start with the same character (or match nothing), so one email can make it try every combination. Make the options start differently`;
  const report = analyse({ pattern, flags }, { maxReports: 1 }).reports[0];
  return report ? reportText(report) : null;
}
