import { type BestuurKind, bestuurKinds, type SizeClass, sizeClasses } from '@baken/contracts';

export const provinces = ['antwerpen', 'limburg', 'oost-vlaanderen', 'vlaams-brabant', 'west-vlaanderen', 'brussel'];

/** Which besturen a regional page is about, kept in the URL. */
export interface RegionFilter {
  kind?: BestuurKind;
  province?: string;
  size?: SizeClass;
}

export const overviewSorts = [
  'name',
  'readinessScore',
  'implementedShare',
  'risksHigh',
  'vulnerability',
  'lastActivity',
  'continuity',
] as const;
export type OverviewSortKey = (typeof overviewSorts)[number];

export interface OverviewSearch extends RegionFilter {
  sort?: OverviewSortKey;
  dir?: 'asc' | 'desc';
  page?: number;
  q?: string;
}

export interface RankingSearch extends RegionFilter {
  sort?: 'missing';
}

const pick = <T extends string>(list: readonly T[], v: unknown): T | undefined => list.find((x) => x === v);

export function parseRegionFilter(s: Record<string, unknown>): RegionFilter {
  return {
    kind: pick(bestuurKinds, s.kind),
    province: pick(provinces, s.province),
    size: pick(
      sizeClasses.map((c) => c.id),
      s.size,
    ),
  };
}

export function parseOverviewSearch(s: Record<string, unknown>): OverviewSearch {
  const page = Number(s.page);
  return {
    ...parseRegionFilter(s),
    sort: pick(overviewSorts, s.sort),
    dir: pick(['asc', 'desc'] as const, s.dir),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

export function parseRankingSearch(s: Record<string, unknown>): RankingSearch {
  return { ...parseRegionFilter(s), sort: s.sort === 'missing' ? 'missing' : undefined };
}

/** The direction a column sorts in first: the worst first for the figures, A–Z for the name. */
export const firstDir = (key: OverviewSortKey): 'asc' | 'desc' =>
  key === 'name' || key === 'readinessScore' || key === 'implementedShare' || key === 'lastActivity' ? 'asc' : 'desc';
