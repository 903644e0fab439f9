import type { ContinuityStatus } from '@baken/contracts';
import i18n from '../../i18n';

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'nl-BE');

/** A score or share 0–100 with at most one decimal; a dash when there is none. */
export function formatPct(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(v)}%`;
}

/** A figure with at most one decimal (points, impact, medians). */
export function formatFigure(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(v);
}

/** The continuity statuses from the least to the most advanced. */
export const continuityOrder: ContinuityStatus[] = ['geen', 'gestart', 'bia', 'plan', 'goedgekeurd'];

/** How long ago, in whole months (for the last activity); null when never. */
export function monthsSince(iso: string | null, now = new Date()): number | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Math.max(0, (now.getFullYear() - d.getFullYear()) * 12 + now.getMonth() - d.getMonth());
}
