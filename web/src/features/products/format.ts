import type { IpdcConcept } from '@baken/contracts';
import type { TFunction } from 'i18next';

/** The concept's name in the UI language; a concept without an English name keeps its Dutch one. */
export const conceptName = (c: IpdcConcept, lang: 'nl' | 'en') => (lang === 'en' && c.name.en) || c.name.nl;

export const typeLabel = (t: TFunction, type: string | null) => (type ? t(`products.types.${type}`) : '');
export const themeLabels = (t: TFunction, themes: string[]) => themes.map((x) => t(`products.themes.${x}`)).join(', ');
export const targetGroupLabels = (t: TFunction, groups: string[]) =>
  groups.map((x) => t(`products.targetGroups.${x}`)).join(', ');

export function formatBytes(n: number, lang: 'nl' | 'en'): string {
  const locale = lang === 'en' ? 'en-GB' : 'nl-BE';
  if (n < 1024) return `${new Intl.NumberFormat(locale).format(n)} B`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(n / 1024)} kB`;
}
