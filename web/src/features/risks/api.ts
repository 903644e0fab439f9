import type {
  BestuurProcess,
  HeatMap,
  NewRisk,
  Risk,
  RiskMatrix,
  RiskMatrixUpdate,
  RiskProposal,
  RiskUpdate,
  Threat,
  TrackedMeasure,
} from '@baken/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

interface Items<T> {
  items: T[];
}
type Parsed<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;
export type MatrixState = { matrix: RiskMatrix; version: number };
export type HeatMapData = Parsed<typeof HeatMap>;
export type RiskProposalItem = Parsed<typeof RiskProposal>;
export type ThreatItem = Parsed<typeof Threat>;
export type RiskBody = Parsed<typeof NewRisk> | Parsed<typeof RiskUpdate>;
export type MatrixBody = Parsed<typeof RiskMatrixUpdate>;

export function useRisks(bestuurId: string) {
  return useQuery({
    queryKey: ['risks', bestuurId, 'list'],
    queryFn: async () => (await api<Items<Risk>>(`/besturen/${bestuurId}/risks`)).items,
  });
}

export function useHeatMap(bestuurId: string) {
  return useQuery({
    queryKey: ['risks', bestuurId, 'heatmap'],
    queryFn: () => api<HeatMapData>(`/besturen/${bestuurId}/risks/heatmap`),
  });
}

export function useRiskProposals(bestuurId: string, enabled = true) {
  return useQuery({
    queryKey: ['risks', bestuurId, 'proposals'],
    queryFn: async () => (await api<Items<RiskProposalItem>>(`/besturen/${bestuurId}/risks/proposals`)).items,
    enabled,
  });
}

export function useRiskMatrix(bestuurId: string) {
  return useQuery({
    queryKey: ['risks', bestuurId, 'matrix'],
    queryFn: () => api<MatrixState>(`/besturen/${bestuurId}/risk-matrix`),
  });
}

export function useThreats() {
  return useQuery({
    queryKey: ['threats'],
    queryFn: async () => (await api<Items<ThreatItem>>('/catalog/threats')).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The measure register: what a risk can be linked to. */
export function useMeasureRegister(bestuurId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['risks', bestuurId, 'measures'],
    queryFn: async () => (await api<Items<TrackedMeasure>>(`/besturen/${bestuurId}/measures`)).items,
    enabled,
  });
}

/** The processes with their assets, for the pickers. */
export function useRiskProcesses(bestuurId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['processes', bestuurId, 'for-risks'],
    queryFn: async () => (await api<Items<BestuurProcess>>(`/besturen/${bestuurId}/processes`)).items,
    enabled,
  });
}

/** Every change to a risk or the matrix shows in the list, the heat map and the proposals. */
function useRefresh(bestuurId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['risks', bestuurId] });
}

export function useSaveRisk(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: RiskBody }) =>
      id
        ? api<Risk>(`/besturen/${bestuurId}/risks/${id}`, { method: 'PATCH', body })
        : api<Risk>(`/besturen/${bestuurId}/risks`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useDeleteRisk(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: (risk: Risk) =>
      api<void>(`/besturen/${bestuurId}/risks/${risk.id}`, { method: 'DELETE', query: { version: risk.version } }),
    onSuccess: refresh,
  });
}

export function useSaveMatrix(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: (body: MatrixBody) => api<MatrixState>(`/besturen/${bestuurId}/risk-matrix`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
}
