import type { AdministratorInvite, Bestuur, BestuurCreate, BestuurUpdate, Member } from '@baken/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Page } from './types';

export const bestuurQuery = (bestuurId: string) =>
  queryOptions({
    queryKey: ['besturen', bestuurId],
    queryFn: () => api<Bestuur>(`/besturen/${bestuurId}`),
  });

export interface BesturenFilter {
  page: number;
  pageSize: number;
  q?: string;
  kind?: string;
}

export function useBesturen(filter: BesturenFilter) {
  return useQuery({
    queryKey: ['besturen', 'list', filter],
    queryFn: () => api<Page<Bestuur>>('/besturen', { query: { ...filter } }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateBestuur() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BestuurCreate) => api<Bestuur>('/besturen', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['besturen'] }),
  });
}

export function useUpdateBestuur() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: BestuurUpdate }) =>
      api<Bestuur>(`/besturen/${id}`, { method: 'PATCH', body }),
    onSuccess: (bestuur) => {
      qc.setQueryData(bestuurQuery(bestuur.id).queryKey, bestuur);
      void qc.invalidateQueries({ queryKey: ['besturen', 'list'] });
      void qc.invalidateQueries({ queryKey: ['session'] });
    },
  });
}

/** The platform admin invites a beheerder for a bestuur, e.g. the first member of a new one. */
export function useInviteAdministrator(bestuurId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AdministratorInvite) =>
      api<Member>(`/besturen/${bestuurId}/administrators`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['members', bestuurId] }),
  });
}
