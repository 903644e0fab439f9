import i18n from '../../i18n';

/** A maturity as people read it: at most two decimals, in the language's notation ("2,5"). */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-BE', { maximumFractionDigits: 2 }).format(value);
}
