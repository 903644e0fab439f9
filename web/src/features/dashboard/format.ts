import type { MeasureStatus } from '@baken/contracts';
import i18n from '../../i18n';

/** Light tints with dark text, as the compliance bar: the words and numbers carry the status. */
export const statusColour: Record<MeasureStatus, string> = {
  'niet-gestart': 'var(--mantine-color-gray-4)',
  gepland: 'var(--mantine-color-blue-3)',
  'in-uitvoering': 'var(--mantine-color-yellow-4)',
  geimplementeerd: 'var(--mantine-color-green-4)',
  'niet-van-toepassing': 'var(--mantine-color-violet-2)',
};

const locale = () => (i18n.language === 'en' ? 'en-GB' : 'nl-BE');

/** "2026-03" as "mrt." (short, for the axis) or "maart 2026" (long, for the table). */
export function formatMonth(month: string, style: 'short' | 'long'): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1, 15));
  return new Intl.DateTimeFormat(
    locale(),
    style === 'short' ? { month: 'short', timeZone: 'UTC' } : { month: 'long', year: 'numeric', timeZone: 'UTC' },
  ).format(d);
}
