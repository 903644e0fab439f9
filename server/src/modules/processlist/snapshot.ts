import { createHash } from 'node:crypto';
import type {
  FieldChange,
  ListDiff,
  ListSnapshot,
  MeasureDiff,
  ProcessDiff,
  TemplateAsset,
  TemplateMeasure,
  TemplateProcess,
} from '@baken/contracts';
import type { Content } from '../catalog/content.loader.js';

/** The part of content/ that is published as the generic process list. */
export const snapshotOf = (content: Content): ListSnapshot => ({
  processDomains: content.processDomains,
  applicationKinds: content.applicationKinds,
  processes: content.processes,
  measures: content.measures,
});

/** JSON with sorted keys: the same value always gives the same text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

export const checksum = (snapshot: ListSnapshot) => createHash('sha256').update(canonical(snapshot)).digest('hex');

export const statsOf = (s: ListSnapshot) => ({
  processes: s.processes.length,
  assets: s.processes.reduce((n, p) => n + p.assets.length, 0),
  measures: s.measures.length,
});

const same = (a: unknown, b: unknown) => canonical(a ?? null) === canonical(b ?? null);
const text = (t: { nl: string; en: string }) => ({ nl: t.nl, en: t.en });

/** The fields of two objects that differ, with their values on either side. */
export function fieldChanges<T extends object>(before: T | undefined, after: T | undefined, fields: (keyof T)[]) {
  const out: FieldChange[] = [];
  for (const f of fields) {
    const b = before?.[f];
    const a = after?.[f];
    if (!same(b, a)) out.push({ field: String(f), before: b ?? null, after: a ?? null });
  }
  return out;
}

export const PROCESS_FIELDS: (keyof TemplateProcess)[] = [
  'name',
  'domain',
  'description',
  'ipdc',
  'applications',
  'risks',
];
export const ASSET_FIELDS: (keyof TemplateAsset)[] = [
  'name',
  'class',
  'reason',
  'personalData',
  'sensitiveData',
  'kszData',
];
const MEASURE_FIELDS: (keyof TemplateMeasure)[] = [
  'title',
  'domain',
  'type',
  'guidance',
  'applies',
  'conditions',
  'mappings',
];

/** Added, changed and removed items between two lists of the same kind, in a stable order. */
function pairs<T>(before: T[], after: T[], key: (t: T) => string) {
  const b = new Map(before.map((x) => [key(x), x]));
  const a = new Map(after.map((x) => [key(x), x]));
  const keys = [...new Set([...b.keys(), ...a.keys()])];
  return keys.map((k) => ({ key: k, before: b.get(k), after: a.get(k) }));
}

const kindOf = (before: unknown, after: unknown) =>
  before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';

export function diffAssets(before: TemplateAsset[], after: TemplateAsset[]) {
  return pairs(before, after, (a) => a.id).flatMap(({ key, before: b, after: a }) => {
    const changes = fieldChanges(b, a, ASSET_FIELDS);
    if (b && a && changes.length === 0) return [];
    return [{ id: key, kind: kindOf(b, a), name: text(((a ?? b) as TemplateAsset).name), changes }];
  });
}

/** One process's differences; null when it did not change at all. */
export function diffProcess(b: TemplateProcess | undefined, a: TemplateProcess | undefined): ProcessDiff | null {
  const changes = b && a ? fieldChanges(b, a, PROCESS_FIELDS) : [];
  const assets = diffAssets(b?.assets ?? [], a?.assets ?? []) as ProcessDiff['assets'];
  if (b && a && changes.length === 0 && assets.length === 0) return null;
  const p = (a ?? b) as TemplateProcess;
  return { id: p.id, kind: kindOf(b, a), domain: p.domain, name: text(p.name), changes, assets };
}

/** What differs between two versions of the generic list: processes, assets, classes and measures. */
export function diffLists(from: ListSnapshot, to: ListSnapshot): Omit<ListDiff, 'from' | 'to'> {
  const processes = pairs(from.processes, to.processes, (p) => p.id).flatMap(({ before, after }) => {
    const d = diffProcess(before, after);
    return d ? [d] : [];
  });
  const measures: MeasureDiff[] = pairs(from.measures, to.measures, (m) => m.code).flatMap(({ key, before, after }) => {
    const changes = before && after ? fieldChanges(before, after, MEASURE_FIELDS) : [];
    if (before && after && changes.length === 0) return [];
    const m = (after ?? before) as TemplateMeasure;
    return [{ code: key, kind: kindOf(before, after), title: text(m.title), changes }];
  });
  const count = <T extends { kind: string }>(xs: T[]) => ({
    added: xs.filter((x) => x.kind === 'added').length,
    changed: xs.filter((x) => x.kind === 'changed').length,
    removed: xs.filter((x) => x.kind === 'removed').length,
  });
  const assets = processes.flatMap((p) => p.assets);
  return {
    summary: {
      processes: count(processes),
      assets: count(assets),
      classifications: assets.filter((a) => a.kind === 'changed' && a.changes.some((c) => c.field === 'class')).length,
      measures: count(measures),
    },
    processes,
    measures,
  };
}
