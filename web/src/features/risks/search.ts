import { type Risk, treatments } from '@baken/contracts';

export type TreatmentFilter = (typeof treatments)[number] | 'none';

/** The register's search and filters, kept in the URL so a view can be shared and survives a reload. */
export interface RiskSearch {
  q?: string;
  /** The id of an inherent risk level. */
  level?: string;
  treatment?: TreatmentFilter;
  overdue?: true;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 100) : undefined);

export function parseRiskSearch(s: Record<string, unknown>): RiskSearch {
  const level = text(s.level);
  return {
    q: text(s.q),
    level: level && /^[a-z-]+$/.test(level) ? level : undefined,
    treatment: s.treatment === 'none' ? 'none' : treatments.find((x) => x === s.treatment),
    overdue: s.overdue === true || s.overdue === 'true' ? true : undefined,
  };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Searches title, description, threat, process, asset, owner and measure codes in both languages, ignoring accents. */
export function filterRisks(items: Risk[], s: RiskSearch): Risk[] {
  const q = s.q ? fold(s.q) : undefined;
  const haystack = (r: Risk) =>
    fold(
      [
        r.title,
        r.description,
        r.threatName?.nl,
        r.threatName?.en,
        r.processName?.nl,
        r.processName?.en,
        r.assetName?.nl,
        r.assetName?.en,
        r.ownerName,
        ...r.measures.map((m) => m.code),
      ]
        .filter(Boolean)
        .join(' '),
    );
  return items.filter(
    (r) =>
      (!s.level || r.inherentLevel.id === s.level) &&
      (!s.treatment || (s.treatment === 'none' ? r.treatment === null : r.treatment === s.treatment)) &&
      (!s.overdue || r.overdue) &&
      (!q || haystack(r).includes(q)),
  );
}
