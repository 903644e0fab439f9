import type { FrameworkSummary, MeasureDetail, MeasureSummary, SecurityDomain } from '@baken/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

export interface MeasureFilter {
  page: number;
  pageSize: number;
  q?: string;
  domain?: string;
  framework?: string;
}

// The catalogue carries both languages and changes only with a new release: no refetching while working.
const staleTime = 5 * 60_000;

export function useMeasures(filter: MeasureFilter) {
  return useQuery({
    queryKey: ['catalog', 'measures', filter],
    queryFn: () => api<Page<MeasureSummary>>('/catalog/measures', { query: { ...filter } }),
    placeholderData: keepPreviousData,
    staleTime,
  });
}

export function useMeasure(code: string | null) {
  return useQuery({
    queryKey: ['catalog', 'measure', code],
    queryFn: () => api<MeasureDetail>(`/catalog/measures/${encodeURIComponent(code ?? '')}`),
    enabled: code !== null,
    staleTime,
  });
}

export function useSecurityDomains() {
  return useQuery({
    queryKey: ['catalog', 'security-domains'],
    queryFn: async () => (await api<{ items: SecurityDomain[] }>('/catalog/security-domains')).items,
    staleTime,
  });
}

export function useFrameworks() {
  return useQuery({
    queryKey: ['catalog', 'frameworks'],
    queryFn: async () => (await api<{ items: FrameworkSummary[] }>('/catalog/frameworks')).items,
    staleTime,
  });
}
