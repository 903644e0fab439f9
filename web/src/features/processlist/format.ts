import type { FieldChange, FrameworkSummary, MeasureApplies, Named, TemplateMeasure } from '@baken/contracts';
import type { TFunction } from 'i18next';
import { classRule, type Lang, requirementRef, shortFramework } from '../catalog/format';

const DIMENSIONS = ['c', 'i', 'a'] as const;
type Classes = { c: number; i: number; a: number };
type Text = { nl: string; en?: string };
type Mapping = TemplateMeasure['mappings'][number];

/** What a field's value needs to be shown in words: names of domains, kinds and frameworks. */
export interface Names {
  t: TFunction;
  lang: Lang;
  processDomains: Named[];
  applicationKinds: Named[];
  securityDomains: { id: string; name: { nl: string; en: string } }[];
  frameworks: FrameworkSummary[];
}

export const textOf = (v: Text, lang: Lang) => (lang === 'en' && v.en ? v.en : v.nl);

const nameIn = (list: { id: string; name: Text }[], id: string, lang: Lang) => {
  const found = list.find((x) => x.id === id);
  return found ? textOf(found.name, lang) : id;
};

export const processDomainName = (n: Names, id: string) => nameIn(n.processDomains, id, n.lang);
export const applicationName = (n: Names, id: string) => nameIn(n.applicationKinds, id, n.lang);
export const securityDomainName = (n: Names, id: string) => nameIn(n.securityDomains, id, n.lang);

/** "V3 I4 B2". */
export function classesText(t: TFunction, c: Classes): string {
  return DIMENSIONS.map((d) => `${t(`catalog.dimensions.${d}`)}${c[d]}`).join(' ');
}

/** Only the classes that changed: "V2 → V3, B1 → B2". */
export function classChange(t: TFunction, before: Classes, after: Classes): string {
  return DIMENSIONS.filter((d) => before[d] !== after[d])
    .map((d) => {
      const letter = t(`catalog.dimensions.${d}`);
      return `${letter}${before[d]} → ${letter}${after[d]}`;
    })
    .join(', ');
}

/** "CyFun 2023 PR.AC-1.1 (gelijk)". */
export function mappingText(n: Names, m: Mapping): string {
  const f = n.frameworks.find((x) => x.id === m.framework);
  const label = f ? shortFramework(f, n.t, n.lang) : m.framework;
  const ref = f ? requirementRef(f.kind, m.requirement) : m.requirement;
  return `${label} ${ref} (${n.t(`catalog.relationships.${m.relationship}`)})`;
}

export function conditionsText(n: Names, c: TemplateMeasure['conditions']): string {
  const on = (['personalData', 'ksz', 'nis2'] as const).filter((k) => c?.[k]);
  return on.length ? on.map((k) => n.t(`catalog.conditionNames.${k}`)).join(', ') : n.t('processlist.values.none');
}

export const yesNo = (t: TFunction, v: unknown) => t(v ? 'processlist.values.yes' : 'processlist.values.no');

const isText = (v: unknown): v is Text => typeof v === 'object' && v !== null && 'nl' in v;
const isClasses = (v: unknown): v is Classes => typeof v === 'object' && v !== null && 'c' in v && 'i' in v;

/** A list field's items as words, for showing what was added and removed. */
export function listItems(n: Names, field: string, value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  if (field === 'applications') return value.map((id: string) => applicationName(n, id));
  if (field === 'risks') return value.map((r: Text) => textOf(r, n.lang));
  if (field === 'mappings') return value.map((m: Mapping) => mappingText(n, m));
  return value.map(String);
}

export const LIST_FIELDS = new Set(['applications', 'risks', 'mappings']);

/** One value of a field in words; `kind` tells whether it belongs to a process, asset or measure. */
export function valueText(n: Names, kind: 'process' | 'asset' | 'measure', field: string, value: unknown): string {
  const { t } = n;
  if (value === null || value === undefined) return t('processlist.values.empty');
  if (field === 'domain')
    return kind === 'measure' ? securityDomainName(n, String(value)) : processDomainName(n, String(value));
  if (field === 'type') return t(`catalog.types.${String(value)}`);
  if (field === 'applies') return classRule(value as MeasureApplies, t, n.lang);
  if (field === 'conditions') return conditionsText(n, value as TemplateMeasure['conditions']);
  if (field === 'class' && isClasses(value)) return classesText(t, value);
  if (field === 'ipdc') return ipdcText(t, value as { themes?: string[]; types?: string[] });
  if (typeof value === 'boolean') return yesNo(t, value);
  if (LIST_FIELDS.has(field)) {
    const items = listItems(n, field, value);
    return items.length ? items.join('; ') : t('processlist.values.none');
  }
  if (isText(value)) return textOf(value, n.lang);
  return String(value);
}

export function ipdcText(t: TFunction, v: { themes?: string[]; types?: string[] } | undefined): string {
  const themes = (v?.themes ?? []).map((x) => t(`processlist.ipdcThemes.${x}`));
  const types = (v?.types ?? []).map((x) => t(`processlist.ipdcTypes.${x}`));
  if (!themes.length && !types.length) return t('processlist.values.none');
  return [
    themes.length ? t('processlist.values.themes', { list: themes.join(', ') }) : '',
    types.length ? t('processlist.values.types', { list: types.join(', ') }) : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** For list fields: the items only before (removed) and only after (added). */
export function listDelta(n: Names, c: FieldChange) {
  const before = listItems(n, c.field, c.before);
  const after = listItems(n, c.field, c.after);
  return {
    added: after.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !after.includes(x)),
  };
}

/** The label of a field: "Naam", "Klasse", … */
export const fieldLabel = (t: TFunction, field: string) => {
  const key = `processlist.fields.${field}`;
  const label = t(key);
  return label === key ? field : label;
};
