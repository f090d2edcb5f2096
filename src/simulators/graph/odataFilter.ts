/**
 * A small OData `$filter` parser and evaluator for the slice of Graph we use: comparisons (eq ne gt ge lt le) on
 * property paths (`from/emailAddress/address`), `and` / `or` / `not`, parentheses, and lambdas
 * (`categories/any(c:c eq 'X')`, `singleValueExtendedProperties/any(ep:ep/id eq '…' and ep/value eq '…')`).
 * Pure TypeScript so the simulator also runs in the browser workbench.
 */

export type FilterNode =
  | { kind: "cmp"; op: "eq" | "ne" | "gt" | "ge" | "lt" | "le"; left: Operand; right: Operand }
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; inner: FilterNode }
  | { kind: "lambda"; fn: "any" | "all"; path: string[]; variable: string; body: FilterNode | null };

export type Operand = { kind: "path"; path: string[] } | { kind: "literal"; value: string | number | boolean | null };

/** Thrown for a filter Graph would reject; the simulator turns it into a 400. */
export class FilterSyntaxError extends Error {}

type Token =
  { t: "ident"; v: string } | { t: "str"; v: string } | { t: "num"; v: number } | { t: "punct"; v: string } | { t: "raw"; v: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === "'") {
      let v = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new FilterSyntaxError("Unterminated string literal");
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i++];
      }
      out.push({ t: "str", v });
      continue;
    }
    if ("(),:".includes(ch)) {
      out.push({ t: "punct", v: ch });
      i++;
      continue;
    }
    // Unquoted date-times are legal OData literals: 2024-01-01T00:00:00Z
    const dt = /^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})?/.exec(src.slice(i));
    if (dt) {
      out.push({ t: "raw", v: dt[0] });
      i += dt[0].length;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_@$][A-Za-z0-9_@$.]*(\/[A-Za-z_@$][A-Za-z0-9_@$.]*)*/.exec(src.slice(i));
    if (id) {
      out.push({ t: "ident", v: id[0] });
      i += id[0].length;
      continue;
    }
    throw new FilterSyntaxError(`Unexpected character '${ch}' in filter`);
  }
  return out;
}

/** Parses a `$filter` expression. */
export function parseFilter(src: string): FilterNode {
  const toks = tokenize(src);
  let pos = 0;
  const peek = (): Token | undefined => toks[pos];
  const isWord = (w: string): boolean => {
    const t = peek();
    return t?.t === "ident" && t.v.toLowerCase() === w;
  };
  const expectPunct = (v: string): void => {
    const t = toks[pos++];
    if (!t || t.t !== "punct" || t.v !== v) throw new FilterSyntaxError(`Expected '${v}' in filter`);
  };

  function parseOr(): FilterNode {
    let left = parseAnd();
    while (isWord("or")) {
      pos++;
      left = { kind: "or", left, right: parseAnd() };
    }
    return left;
  }
  function parseAnd(): FilterNode {
    let left = parseUnary();
    while (isWord("and")) {
      pos++;
      left = { kind: "and", left, right: parseUnary() };
    }
    return left;
  }
  function parseUnary(): FilterNode {
    if (isWord("not")) {
      pos++;
      return { kind: "not", inner: parseUnary() };
    }
    const t = peek();
    if (t?.t === "punct" && t.v === "(") {
      pos++;
      const inner = parseOr();
      expectPunct(")");
      return inner;
    }
    // lambda: path/any(v: body)
    if (t?.t === "ident" && /\/(any|all)$/i.test(t.v) && toks[pos + 1]?.t === "punct" && (toks[pos + 1] as { v: string }).v === "(") {
      pos += 2;
      const segs = t.v.split("/");
      const fn = segs.pop()!.toLowerCase() as "any" | "all";
      const close = peek();
      if (close?.t === "punct" && close.v === ")") {
        pos++;
        return { kind: "lambda", fn, path: segs, variable: "", body: null };
      }
      const v = toks[pos++];
      if (!v || v.t !== "ident") throw new FilterSyntaxError("Expected lambda variable");
      expectPunct(":");
      const body = parseOr();
      expectPunct(")");
      return { kind: "lambda", fn, path: segs, variable: v.v, body };
    }
    const left = parseOperand();
    const opTok = toks[pos++];
    const op = opTok?.t === "ident" ? opTok.v.toLowerCase() : "";
    if (!["eq", "ne", "gt", "ge", "lt", "le"].includes(op)) throw new FilterSyntaxError("Expected a comparison operator in filter");
    const right = parseOperand();
    return { kind: "cmp", op: op as "eq", left, right };
  }
  function parseOperand(): Operand {
    const t = toks[pos++];
    if (!t) throw new FilterSyntaxError("Unexpected end of filter");
    if (t.t === "str") return { kind: "literal", value: t.v };
    if (t.t === "num") return { kind: "literal", value: t.v };
    if (t.t === "raw") return { kind: "literal", value: t.v };
    if (t.t === "ident") {
      const low = t.v.toLowerCase();
      if (low === "true" || low === "false") return { kind: "literal", value: low === "true" };
      if (low === "null") return { kind: "literal", value: null };
      return { kind: "path", path: t.v.split("/") };
    }
    throw new FilterSyntaxError(`Unexpected '${t.v}' in filter`);
  }

  const node = parseOr();
  if (pos !== toks.length) throw new FilterSyntaxError("Unexpected trailing tokens in filter");
  return node;
}

type Scope = Record<string, unknown>;

function resolvePath(path: readonly string[], item: unknown, scope: Scope): unknown {
  let cur: unknown = item;
  let start = 0;
  if (path.length > 0 && Object.prototype.hasOwnProperty.call(scope, path[0])) {
    cur = scope[path[0]];
    start = 1;
  }
  for (let i = start; i < path.length; i++) {
    if (cur === null || cur === undefined || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[path[i]];
  }
  return cur;
}

const ISO = /^\d{4}-\d{2}-\d{2}T/;

function compare(a: unknown, b: unknown): number | null {
  if (a === undefined || a === null || b === undefined || b === null) return null;
  if (typeof a === "string" && typeof b === "string") {
    if (ISO.test(a) && ISO.test(b)) return Date.parse(a) - Date.parse(b);
    // Outlook string comparisons are case-insensitive.
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : 1;
  return scalarText(a).toLowerCase() === scalarText(b).toLowerCase() ? 0 : 1;
}

/**
 * A property value as text, for comparing values of different types and for sorting: scalars as `String` writes them,
 * null and undefined as "", anything else (an object Graph would not compare) as its JSON.
 */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  return JSON.stringify(value) ?? "";
}

function operandValue(o: Operand, item: unknown, scope: Scope): unknown {
  return o.kind === "literal" ? o.value : resolvePath(o.path, item, scope);
}

/** True when `item` satisfies `node`. */
export function evaluateFilter(node: FilterNode, item: unknown, scope: Scope = {}): boolean {
  switch (node.kind) {
    case "and":
      return evaluateFilter(node.left, item, scope) && evaluateFilter(node.right, item, scope);
    case "or":
      return evaluateFilter(node.left, item, scope) || evaluateFilter(node.right, item, scope);
    case "not":
      return !evaluateFilter(node.inner, item, scope);
    case "lambda": {
      const arr = resolvePath(node.path, item, scope);
      const list = Array.isArray(arr) ? arr : [];
      if (!node.body) return node.fn === "any" ? list.length > 0 : true;
      const test = (el: unknown): boolean => evaluateFilter(node.body!, item, { ...scope, [node.variable]: el });
      return node.fn === "any" ? list.some(test) : list.every(test);
    }
    case "cmp": {
      const a = operandValue(node.left, item, scope);
      const b = operandValue(node.right, item, scope);
      if (node.op === "eq") return (a ?? null) === null || (b ?? null) === null ? (a ?? null) === (b ?? null) : compare(a, b) === 0;
      if (node.op === "ne") return !((a ?? null) === null || (b ?? null) === null ? (a ?? null) === (b ?? null) : compare(a, b) === 0);
      const c = compare(a, b);
      if (c === null) return false;
      return node.op === "gt" ? c > 0 : node.op === "ge" ? c >= 0 : node.op === "lt" ? c < 0 : c <= 0;
    }
  }
}

/** Property paths compared in the filter, in order of appearance (left-most first), for the InefficientFilter rule. */
export function filterPropertyOrder(node: FilterNode): string[] {
  const out: string[] = [];
  const walk = (n: FilterNode): void => {
    if (n.kind === "and" || n.kind === "or") {
      walk(n.left);
      walk(n.right);
    } else if (n.kind === "not") walk(n.inner);
    else if (n.kind === "lambda") out.push(n.path.join("/"));
    else {
      if (n.left.kind === "path") out.push(n.left.path.join("/"));
      else if (n.right.kind === "path") out.push(n.right.path.join("/"));
    }
  };
  walk(node);
  return out;
}

/** True when the filter is only `receivedDateTime ge|gt <date>` (what messages/delta accepts). */
export function isReceivedSinceOnly(node: FilterNode): boolean {
  return (
    node.kind === "cmp" &&
    (node.op === "ge" || node.op === "gt") &&
    node.left.kind === "path" &&
    node.left.path.join("/") === "receivedDateTime" &&
    node.right.kind === "literal"
  );
}
