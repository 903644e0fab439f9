import type {
  Application,
  ApplicationAssetsUpdate,
  ApplicationCreate,
  ApplicationKind,
  ApplicationProposal,
  ApplicationUpdate,
  BestuurProcess,
  Supplier,
  SupplierCreate,
  SupplierUpdate,
} from '@baken/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

interface Items<T> {
  items: T[];
}

export function useSuppliers(bestuurId: string) {
  return useQuery({
    queryKey: ['suppliers', bestuurId],
    queryFn: async () => (await api<Items<Supplier>>(`/besturen/${bestuurId}/suppliers`)).items,
  });
}

export function useApplications(bestuurId: string) {
  return useQuery({
    queryKey: ['applications', bestuurId],
    queryFn: async () => (await api<Items<Application>>(`/besturen/${bestuurId}/applications`)).items,
  });
}

export function useProposals(bestuurId: string) {
  return useQuery({
    queryKey: ['applications', bestuurId, 'proposals'],
    queryFn: async () => (await api<Items<ApplicationProposal>>(`/besturen/${bestuurId}/applications/proposals`)).items,
  });
}

export function useApplicationKinds() {
  return useQuery({
    queryKey: ['application-kinds'],
    queryFn: async () => (await api<Items<ApplicationKind>>('/application-kinds')).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The bestuur's processes with their assets: what an application can be linked to. */
export function useProcessAssets(bestuurId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['processes', bestuurId, 'for-registers'],
    queryFn: async () => (await api<Items<BestuurProcess>>(`/besturen/${bestuurId}/processes`)).items,
    enabled,
  });
}

/** Suppliers and applications show each other (supplier names, application counts): refresh both. */
function useRefresh(bestuurId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['suppliers', bestuurId] }),
      qc.invalidateQueries({ queryKey: ['applications', bestuurId] }),
    ]);
}

export function useSaveSupplier(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: SupplierCreate | SupplierUpdate }) =>
      id
        ? api<Supplier>(`/besturen/${bestuurId}/suppliers/${id}`, { method: 'PATCH', body })
        : api<Supplier>(`/besturen/${bestuurId}/suppliers`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useDeleteSupplier(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: (id: string) => api<void>(`/besturen/${bestuurId}/suppliers/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useSaveApplication(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ApplicationCreate | ApplicationUpdate }) =>
      id
        ? api<Application>(`/besturen/${bestuurId}/applications/${id}`, { method: 'PATCH', body })
        : api<Application>(`/besturen/${bestuurId}/applications`, { method: 'POST', body }),
    onSuccess: refresh,
  });
}

export function useDeleteApplication(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: (id: string) => api<void>(`/besturen/${bestuurId}/applications/${id}`, { method: 'DELETE' }),
    onSuccess: refresh,
  });
}

export function useLinkAssets(bestuurId: string) {
  const refresh = useRefresh(bestuurId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApplicationAssetsUpdate }) =>
      api<Application>(`/besturen/${bestuurId}/applications/${id}/assets`, { method: 'PUT', body }),
    onSuccess: refresh,
  });
}

/** Case- and accent-insensitive search over a few texts. */
export function matches(q: string, ...texts: (string | null | undefined)[]): boolean {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const needle = fold(q.trim());
  return needle === '' || texts.some((t) => t && fold(t).includes(needle));
}
