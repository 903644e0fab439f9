import { auditActions } from '@baken/contracts';

export interface AuditSearch {
  page?: number;
  objectType?: string;
  objectId?: string;
  actorId?: string;
  action?: (typeof auditActions)[number];
  from?: string;
  to?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 80) : undefined);
const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

/** Audit filters live in the URL so a filtered view (e.g. one object's history) can be linked. */
export function parseAuditSearch(s: Record<string, unknown>): AuditSearch {
  const page = Number(s.page);
  const action = auditActions.find((a) => a === s.action);
  return {
    page: Number.isInteger(page) && page > 1 ? page : undefined,
    objectType: text(s.objectType),
    objectId: text(s.objectId),
    actorId: text(s.actorId),
    action,
    from: date(s.from),
    to: date(s.to),
  };
}

/** The filters without the page, as sent to the list and export endpoints. */
export function auditFilters(s: AuditSearch) {
  const { page: _page, ...filters } = s;
  return filters;
}
