import type { BestuurProcess } from '@baken/contracts';
import { maxClass } from './ClassBadges';

export interface ProcessSearch {
  page?: number;
  q?: string;
  domain?: string;
  /** Only processes whose highest class (any of V, I, B) is at least this. */
  minClass?: number;
  origin?: 'template' | 'own';
  status?: 'applicable' | 'notApplicable';
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 100) : undefined);

/** The process list's filters live in the URL, so a filtered view can be shared and survives a reload. */
export function parseProcessSearch(s: Record<string, unknown>): ProcessSearch {
  const page = Number(s.page);
  const minClass = Number(s.minClass);
  return {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    q: text(s.q),
    domain: text(s.domain),
    minClass: Number.isInteger(minClass) && minClass >= 2 && minClass <= 5 ? minClass : undefined,
    origin: s.origin === 'template' || s.origin === 'own' ? s.origin : undefined,
    status: s.status === 'applicable' || s.status === 'notApplicable' ? s.status : undefined,
  };
}

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Searches the names of the process and of its assets, in both languages, ignoring accents. */
export function filterProcesses(items: BestuurProcess[], s: ProcessSearch): BestuurProcess[] {
  const q = s.q ? normalise(s.q) : undefined;
  const matches = (p: BestuurProcess) =>
    [p.name.nl, p.name.en, ...p.assets.flatMap((a) => [a.name.nl, a.name.en])].some((n) =>
      normalise(n).includes(q ?? ''),
    );
  return items.filter(
    (p) =>
      (!s.domain || p.domain === s.domain) &&
      (!s.minClass || maxClass(p.class) >= s.minClass) &&
      (!s.origin || (s.origin === 'own') === (p.templateId === null)) &&
      (!s.status || (s.status === 'applicable') === p.applicable) &&
      (!q || matches(p)),
  );
}
