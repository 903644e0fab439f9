import type {
  MeasureRanking,
  MonitoringOverview,
  OwnMonitoring,
  RegionBestuurDetail,
  SectorTrend,
  SnapshotList,
  SnapshotResult,
  VulnerableList,
  WeightSettings,
  Weights,
} from '@baken/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { RegionFilter } from './search';

export type Overview = z.infer<typeof MonitoringOverview>;
export type Vulnerable = z.infer<typeof VulnerableList>;
export type Ranking = z.infer<typeof MeasureRanking>;
export type Trend = z.infer<typeof SectorTrend>;
export type Snapshots = z.infer<typeof SnapshotList>;
export type WeightState = z.infer<typeof WeightSettings>;
export type RegionDetail = z.infer<typeof RegionBestuurDetail>;
export type Own = z.infer<typeof OwnMonitoring>;
export type Reason = RegionDetail['reasons'][number];
export type TrendPoint = Trend['points'][number];
export type BestuurTrendPoint = RegionDetail['trend'][number];

const base = '/region/monitoring';
/** Everything the region sees depends on the weights and the indicators: one key to refetch it all. */
const regionKey = ['monitoring', 'region'] as const;

const filterQuery = (f: RegionFilter) => ({ kind: f.kind, province: f.province, size: f.size });

/**
 * The indicators are refreshed by the server a few seconds after a change; the answer carries
 * `computedAt`. While nothing has been computed yet, ask again shortly.
 */
export function useOverview(f: RegionFilter & { sort?: string; dir?: string }) {
  return useQuery({
    queryKey: [...regionKey, 'overview', f],
    queryFn: () => api<Overview>(`${base}/overview`, { query: { ...filterQuery(f), sort: f.sort, dir: f.dir } }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data && q.state.data.computedAt === null ? 5000 : false),
  });
}

export function useVulnerable(f: RegionFilter) {
  return useQuery({
    queryKey: [...regionKey, 'vulnerable', f],
    queryFn: () => api<Vulnerable>(`${base}/vulnerable`, { query: { ...filterQuery(f), limit: 100 } }),
    placeholderData: keepPreviousData,
  });
}

export function useRanking(f: RegionFilter & { sort?: 'impact' | 'missing' }) {
  return useQuery({
    queryKey: [...regionKey, 'measures', f],
    queryFn: () => api<Ranking>(`${base}/measures`, { query: { ...filterQuery(f), sort: f.sort, limit: 100 } }),
    placeholderData: keepPreviousData,
  });
}

export function useSectorTrend(f: RegionFilter) {
  return useQuery({
    queryKey: [...regionKey, 'trend', f],
    queryFn: () => api<Trend>(`${base}/trend`, { query: filterQuery(f) }),
    placeholderData: keepPreviousData,
  });
}

export function useSnapshots() {
  return useQuery({ queryKey: [...regionKey, 'snapshots'], queryFn: () => api<Snapshots>(`${base}/snapshots`) });
}

export function useTakeSnapshot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<z.infer<typeof SnapshotResult>>(`${base}/snapshots`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: regionKey }),
  });
}

export function useWeights() {
  return useQuery({ queryKey: [...regionKey, 'weights'], queryFn: () => api<WeightState>(`${base}/weights`) });
}

export function useUpdateWeights() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; weights: Weights }) =>
      api<WeightState>(`${base}/weights`, { method: 'PUT', body }),
    onSuccess: (saved) => {
      qc.setQueryData([...regionKey, 'weights'], saved);
      // Every score depends on the weights.
      void qc.invalidateQueries({ queryKey: regionKey });
    },
  });
}

export function useRegionBestuur(id: string) {
  return useQuery({
    queryKey: [...regionKey, 'bestuur', id],
    queryFn: () => api<RegionDetail>(`${base}/besturen/${encodeURIComponent(id)}`),
  });
}

const ownKey = (bestuurId: string) => ['monitoring', 'own', bestuurId];

export function useOwnMonitoring(bestuurId: string) {
  return useQuery({ queryKey: ownKey(bestuurId), queryFn: () => api<Own>(`/besturen/${bestuurId}/monitoring`) });
}

export function useSetSharing(bestuurId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (shareWithCoach: boolean) =>
      api<Own>(`/besturen/${bestuurId}/monitoring/sharing`, { method: 'PUT', body: { shareWithCoach } }),
    onSuccess: (own) => qc.setQueryData(ownKey(bestuurId), own),
  });
}
