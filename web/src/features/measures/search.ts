import { type MeasureStatus, measureStatuses, type TrackedMeasure } from '@baken/contracts';

/** The register's search and filters, kept in the URL so a view can be shared and survives a reload. */
export interface MeasureSearch {
  q?: string;
  status?: MeasureStatus;
  /** A member's user id, or `none` for the measures without an owner. */
  owner?: string;
  overdue?: true;
  page?: number;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 100) : undefined);

export function parseMeasureSearch(s: Record<string, unknown>): MeasureSearch {
  const owner = text(s.owner);
  const page = Number(s.page);
  return {
    q: text(s.q),
    status: measureStatuses.find((x) => x === s.status),
    owner: owner && /^(none|[0-9a-f-]{36})$/.test(owner) ? owner : undefined,
    overdue: s.overdue === true || s.overdue === 'true' ? true : undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Searches code and title in both languages and the owner's name, ignoring accents. */
export function filterMeasures(items: TrackedMeasure[], s: MeasureSearch): TrackedMeasure[] {
  const q = s.q ? fold(s.q) : undefined;
  return items.filter(
    (m) =>
      (!s.status || m.status === s.status) &&
      (!s.owner || (s.owner === 'none' ? m.ownerId === null : m.ownerId === s.owner)) &&
      (!s.overdue || m.overdue) &&
      (!q || fold(`${m.code} ${m.title.nl} ${m.title.en} ${m.ownerName ?? ''}`).includes(q)),
  );
}
