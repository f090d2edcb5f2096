/**
 * A hint from recognition ("a matter reference … would decide it") as a sentence: capital first letter, full stop.
 * Recognition writes reasons as lower-case fragments for lists; shown alone, a hint reads as a sentence.
 */
export function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]$/.test(first) ? first : `${first}.`;
}
