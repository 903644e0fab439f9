import type { LocalText, MeasureApplies, MeasureServes } from '@baken/contracts';
import type { TFunction } from 'i18next';

export type Lang = 'nl' | 'en';

export const inLang = (text: LocalText, lang: Lang) => text[lang] || text.nl;

const DIMENSIONS = ['c', 'i', 'a'] as const;

/** The ICR class rule as people say it: "altijd", or "vanaf V3 of I3" / "from C3 or I3". */
export function classRule(applies: MeasureApplies, t: TFunction, lang: Lang): string {
  if (applies === 'always') return t('catalog.always');
  const parts = DIMENSIONS.filter((d) => applies[d] != null).map((d) => `${t(`catalog.dimensions.${d}`)}${applies[d]}`);
  const list = new Intl.ListFormat(lang === 'en' ? 'en-GB' : 'nl-BE', { type: 'disjunction' }).format(parts);
  return t('catalog.from', { classes: list });
}

/** Legal references the way they are cited: NIS2 21.2.i is "21(2)(i)", GDPR 32.1.b is "32(1)(b)". */
export function requirementRef(kind: string, nodeId: string): string {
  if (kind !== 'nis2' && kind !== 'gdpr') return nodeId;
  const [article, ...rest] = nodeId.split('.');
  return `${article}${rest.map((p) => `(${p})`).join('')}`;
}

/** A short name for a framework in running text ("CyFun 2023", "NIS2", "AVG"); the full name otherwise. */
export function shortFramework(
  f: { kind: string; name: LocalText; edition?: string },
  t: TFunction,
  lang: Lang,
): string {
  const key = `catalog.shortNames.${f.kind}`;
  if (f.kind === 'cyfun' && f.edition) return t(key, { year: f.edition.slice(0, 4) });
  if (['nis2', 'gdpr', 'ksz'].includes(f.kind)) return t(key);
  return inLang(f.name, lang);
}

/** Requirements grouped per framework, in the order the server gives them. */
export function byFramework(serves: MeasureServes[]) {
  const groups = new Map<string, MeasureServes[]>();
  for (const s of serves) groups.set(s.frameworkId, [...(groups.get(s.frameworkId) ?? []), s]);
  return [...groups.values()];
}
