type Text = { nl: string; en?: string };

/** Whether every word of a search occurs in one of the values (ids or texts in both languages). */
export function matches(q: string, values: (string | Text)[]): boolean {
  const words = q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = values
    .flatMap((v) => (typeof v === 'string' ? [v] : [v.nl, v.en ?? '']))
    .join(' ')
    .toLowerCase();
  return words.every((w) => hay.includes(w));
}
