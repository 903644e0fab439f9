import type { ComplianceResult, FrameworkCompliance, RequirementCompliance } from '@baken/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Level } from './search';

export type FrameworkDetail = FrameworkCompliance & { requirements: RequirementCompliance[] };

const complianceKey = (bestuurId: string) => ['compliance', bestuurId];

/** Every framework's counts and score; CyFun limited to the level. */
export function useComplianceOverview(bestuurId: string, level: Level) {
  return useQuery({
    queryKey: [...complianceKey(bestuurId), 'overview', level],
    queryFn: async () =>
      (await api<{ items: FrameworkCompliance[] }>(`/besturen/${bestuurId}/compliance`, { query: { level } })).items,
    // Switching the level keeps the cards in place until the new counts are in.
    placeholderData: keepPreviousData,
  });
}

export function useFrameworkCompliance(bestuurId: string, frameworkId: string, level: Level) {
  return useQuery({
    queryKey: [...complianceKey(bestuurId), 'framework', frameworkId, level],
    queryFn: () =>
      api<FrameworkDetail>(`/besturen/${bestuurId}/compliance/${encodeURIComponent(frameworkId)}`, {
        query: { level },
      }),
    placeholderData: keepPreviousData,
  });
}

const overridePath = (bestuurId: string, frameworkId: string, requirementId: string) =>
  `/besturen/${bestuurId}/compliance/${encodeURIComponent(frameworkId)}/overrides/${encodeURIComponent(requirementId)}`;

interface OverrideTarget {
  frameworkId: string;
  requirementId: string;
}

/** An override changes the counts of the framework and of the overview: all of it is refetched. */
function useOverrideMutation<TVars extends OverrideTarget, TResult>(
  bestuurId: string,
  fn: (vars: TVars) => Promise<TResult>,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => qc.invalidateQueries({ queryKey: complianceKey(bestuurId) }),
  });
}

export function useSetOverride(bestuurId: string) {
  return useOverrideMutation(
    bestuurId,
    ({
      frameworkId,
      requirementId,
      body,
    }: OverrideTarget & { body: { version: number; result: ComplianceResult; reason: string } }) =>
      api<RequirementCompliance>(overridePath(bestuurId, frameworkId, requirementId), { method: 'PUT', body }),
  );
}

export function useRemoveOverride(bestuurId: string) {
  return useOverrideMutation(
    bestuurId,
    ({ frameworkId, requirementId, version }: OverrideTarget & { version: number }) =>
      api<void>(overridePath(bestuurId, frameworkId, requirementId), { method: 'DELETE', query: { version } }),
  );
}
