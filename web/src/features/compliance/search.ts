import { type ComplianceResult, complianceResults, type RequirementCompliance } from '@baken/contracts';

export const levels = ['basic', 'important', 'essential'] as const;
export type Level = (typeof levels)[number];

/** Basic, the regional target, is the default and stays out of the URL. */
export interface LevelSearch {
  level?: Exclude<Level, 'basic'>;
}

export interface FrameworkSearch extends LevelSearch {
  page?: number;
  q?: string;
  result?: ComplianceResult;
  /** The requirement whose details are open. */
  requirement?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 100) : undefined);

export function parseLevelSearch(s: Record<string, unknown>): LevelSearch {
  return { level: s.level === 'important' || s.level === 'essential' ? s.level : undefined };
}

/** The requirement list's filters live in the URL, so a view can be shared and survives a reload. */
export function parseFrameworkSearch(s: Record<string, unknown>): FrameworkSearch {
  const page = Number(s.page);
  return {
    ...parseLevelSearch(s),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    q: text(s.q),
    result: complianceResults.find((r) => r === s.result),
    requirement: text(s.requirement),
  };
}

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Searches id, title and explanation in both languages and the codes of the measures, ignoring accents. */
export function filterRequirements(items: RequirementCompliance[], s: FrameworkSearch): RequirementCompliance[] {
  const q = s.q ? normalise(s.q) : undefined;
  const matches = (r: RequirementCompliance) =>
    normalise(
      [
        r.id,
        r.title.nl,
        r.title.en,
        r.explanation.nl,
        r.explanation.en,
        ...r.contributions.flatMap((c) => [c.code, c.title.nl, c.title.en]),
      ].join(' '),
    ).includes(q ?? '');
  return items.filter((r) => (!s.result || r.result === s.result) && (!q || matches(r)));
}
