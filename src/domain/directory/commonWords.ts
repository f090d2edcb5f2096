/**
 * Everyday English words that firms nonetheless use as matter keywords ("will", "sale", "lease").
 * A single such word in a message is weak evidence: it appears in mail about anything. Phrases that
 * contain them ("lease renewal") are unaffected.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set([
  "will", "may", "can", "shall", "must", "sale", "sales", "buy", "sell", "estate", "estates", "grant", "rent", "lease", "leases",
  "purchase", "exchange", "completion", "complete", "deposit", "capital", "retirement", "premises", "debt", "debts",
  "enquiries", "enquiry", "searches", "search", "portfolio", "contract", "contracts", "agreement", "claim", "claims",
  "notice", "notices", "hearing", "letter", "letters", "payment", "payments", "invoice", "invoices", "matter", "case",
  "property", "house", "home", "office", "unit", "phase", "account", "accounts", "pension", "possession", "trust",
  "trustees", "executor", "executors", "executive", "transfer", "mortgage", "loan", "advice", "review", "terms",
  "contractor", "employment", "employee", "employees", "staff", "company", "business", "client", "court", "tribunal",
  "order", "report", "schedule", "plan", "policy", "insurance", "tax", "fee", "fees", "cost", "costs", "price", "offer",
  "meeting", "call", "update", "documents", "document", "form", "forms", "statement", "statements", "application",
  "probate", "leasehold", "freehold",
  "dispute", "settlement", "partner", "partners", "members", "profit", "share", "shares", "director", "directors",
  "board", "bank", "money", "funds", "date", "deadline", "draft", "copy", "sign", "signed", "witness", "evidence",
  "data", "records", "complaint", "records", "liability", "covenant", "licence", "license", "assign", "assignment",
]);
