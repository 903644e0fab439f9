import type {
  AdoptRequest,
  AdoptResult,
  AssetClassificationUpdate,
  BestuurAsset,
  BestuurProcess,
  NewOwnAsset,
  NewOwnProcess,
  ProcessUpdate,
  RequiredMeasure,
} from '@baken/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

const processesKey = (bestuurId: string) => ['processes', bestuurId];
const measuresKey = (bestuurId: string) => ['required-measures', bestuurId];

export function useProcesses(bestuurId: string, enabled = true) {
  return useQuery({
    queryKey: processesKey(bestuurId),
    queryFn: async () => (await api<{ items: BestuurProcess[] }>(`/besturen/${bestuurId}/processes`)).items,
    enabled,
  });
}

export function useRequiredMeasures(bestuurId: string, enabled = true) {
  return useQuery({
    queryKey: measuresKey(bestuurId),
    queryFn: async () => (await api<{ items: RequiredMeasure[] }>(`/besturen/${bestuurId}/required-measures`)).items,
    enabled,
  });
}

/** One required measure with every reason. */
export function useRequiredMeasure(bestuurId: string, code: string | null) {
  return useQuery({
    queryKey: [...measuresKey(bestuurId), code],
    queryFn: () => api<RequiredMeasure>(`/besturen/${bestuurId}/required-measures/${encodeURIComponent(code ?? '')}`),
    enabled: code !== null,
  });
}

/** Every change to the process list can change the required measures: both are refetched. */
function refresh(qc: QueryClient, bestuurId: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: processesKey(bestuurId) }),
    qc.invalidateQueries({ queryKey: measuresKey(bestuurId) }),
  ]);
}

/**
 * A change to the process list. Waits for the refetch, so a form shows the saved state; with
 * `background` it does not, so a page can leave a deleted object before the list drops it.
 */
function useProcessMutation<TVars, TResult>(
  bestuurId: string,
  fn: (vars: TVars) => Promise<TResult>,
  background = false,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      const refreshed = refresh(qc, bestuurId);
      if (!background) await refreshed;
    },
  });
}

export function useAdopt(bestuurId: string) {
  return useProcessMutation(bestuurId, (body: AdoptRequest) =>
    api<AdoptResult>(`/besturen/${bestuurId}/processes/adopt`, { method: 'POST', body }),
  );
}

export function useCreateProcess(bestuurId: string) {
  return useProcessMutation(bestuurId, (body: NewOwnProcess) =>
    api<BestuurProcess>(`/besturen/${bestuurId}/processes`, { method: 'POST', body }),
  );
}

export function useUpdateProcess(bestuurId: string) {
  return useProcessMutation(bestuurId, ({ processId, body }: { processId: string; body: ProcessUpdate }) =>
    api<BestuurProcess>(`/besturen/${bestuurId}/processes/${processId}`, { method: 'PATCH', body }),
  );
}

export function useDeleteProcess(bestuurId: string) {
  return useProcessMutation(
    bestuurId,
    ({ processId, version }: { processId: string; version: number }) =>
      api<void>(`/besturen/${bestuurId}/processes/${processId}`, { method: 'DELETE', query: { version } }),
    true,
  );
}

export function useUpdateAsset(bestuurId: string) {
  return useProcessMutation(bestuurId, ({ assetId, body }: { assetId: string; body: AssetClassificationUpdate }) =>
    api<BestuurAsset>(`/besturen/${bestuurId}/assets/${assetId}`, { method: 'PATCH', body }),
  );
}

export function useCreateAsset(bestuurId: string) {
  return useProcessMutation(bestuurId, ({ processId, body }: { processId: string; body: NewOwnAsset }) =>
    api<BestuurAsset>(`/besturen/${bestuurId}/processes/${processId}/assets`, { method: 'POST', body }),
  );
}

export function useDeleteAsset(bestuurId: string) {
  return useProcessMutation(bestuurId, ({ assetId, version }: { assetId: string; version: number }) =>
    api<void>(`/besturen/${bestuurId}/assets/${assetId}`, { method: 'DELETE', query: { version } }),
  );
}
