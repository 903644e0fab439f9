import type { Dashboard } from '@baken/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** The bestuur at a glance: one answer with compliance, readiness, measures, risks and progress. */
export function useDashboard(bestuurId: string, enabled = true) {
  return useQuery({
    queryKey: ['dashboard', bestuurId],
    queryFn: () => api<Dashboard>(`/besturen/${bestuurId}/dashboard`),
    enabled,
  });
}

/**
 * There is something to show once work has started: a measure with a status beyond "niet
 * gestart", a registered risk or a complete self-assessment. The baseline measures are
 * required from day one, so a required count alone says nothing.
 */
export const hasData = (d: Dashboard) =>
  Object.entries(d.measures.byStatus).some(([status, n]) => status !== 'niet-gestart' && n > 0) ||
  d.topRisks.length > 0 ||
  d.readiness.basis === 'assessment';
