/** Months are Belgian months: an event at 00:30 on 1 March in Brussels counts in March. */
const TIME_ZONE = 'Europe/Brussels';
const monthFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit' });

/** The month (YYYY-MM) of a moment, in Brussels. */
export function monthOf(at: Date): string {
  const parts = monthFormat.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** The last `count` months up to and including the month of `now`, oldest first. */
export function lastMonths(now: Date, count = 12): string[] {
  const [year, month] = monthOf(now).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, k) => {
    const d = new Date(Date.UTC(year, month - 1 - (count - 1) + k, 1));
    return d.toISOString().slice(0, 7);
  });
}

export interface StatusChange {
  at: Date;
  /** +1 when the measure became implemented, -1 when it stopped being implemented. */
  delta: 1 | -1;
}

/**
 * Measures implemented at the end of each month, counted back from today's number.
 *
 * Starting from the register as it is (not from zero) keeps the newest point equal to what
 * the register says, also when rows were written without an audit event (demo data, rows
 * from before the trail); those then count as implemented from before the first month.
 */
export function monthlyProgress(current: number, changes: StatusChange[], now: Date, count = 12) {
  const months = lastMonths(now, count);
  const byMonth = new Map<string, number>();
  for (const c of changes) {
    const m = monthOf(c.at);
    byMonth.set(m, (byMonth.get(m) ?? 0) + c.delta);
  }
  let atEnd = current;
  // Changes after the newest month (a clock that moved) are undone as well.
  for (const [m, delta] of byMonth) if (m > (months.at(-1) as string)) atEnd -= delta;
  const points: { month: string; implemented: number }[] = [];
  for (let k = months.length - 1; k >= 0; k--) {
    const month = months[k] as string;
    points.unshift({ month, implemented: Math.max(0, atEnd) });
    atEnd -= byMonth.get(month) ?? 0;
  }
  return points;
}
