import type {
  Draft,
  DraftMeta,
  ListDiff,
  ListSnapshot,
  ListVersion,
  ProcessUpdates,
  TemplateMeasure,
  TemplateProcess,
} from '@baken/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';

const versionsKey = ['processlist', 'versions'];
const draftKey = ['processlist', 'draft'];
const diffKey = ['processlist', 'diff'];
const updatesKey = (bestuurId: string) => ['processlist', 'updates', bestuurId];

export function useVersions() {
  return useQuery({
    queryKey: versionsKey,
    queryFn: async () => (await api<{ items: ListVersion[] }>('/process-list/versions')).items,
  });
}

/** A published version never changes: read once. */
export function useSnapshot(number: number | null) {
  return useQuery({
    queryKey: ['processlist', 'snapshot', number],
    queryFn: () => api<ListSnapshot>(`/process-list/versions/${number}`),
    enabled: number !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The difference from version `from` to version `to`, or to the draft when `to` is null. */
export function useDiff(from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...diffKey, from, to],
    queryFn: () => api<ListDiff>('/process-list/diff', { query: { from, to } }),
    enabled: from !== null,
  });
}

/** The coach's draft; null when there is none. */
export function useDraft(enabled = true) {
  return useQuery({
    queryKey: draftKey,
    queryFn: async () => {
      try {
        return await api<Draft>('/process-list/draft');
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }
    },
    enabled,
  });
}

/** After a draft edit the draft and every diff against it are read again. */
function refreshDraft(qc: QueryClient) {
  return Promise.all([qc.invalidateQueries({ queryKey: draftKey }), qc.invalidateQueries({ queryKey: diffKey })]);
}

function useDraftMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => refreshDraft(qc) });
}

export const useStartDraft = () => useDraftMutation(() => api<DraftMeta>('/process-list/draft', { method: 'POST' }));

export const useSaveProcess = () =>
  useDraftMutation(({ draftVersion, process }: { draftVersion: number; process: TemplateProcess }) =>
    api<DraftMeta>(`/process-list/draft/processes/${encodeURIComponent(process.id)}`, {
      method: 'PUT',
      body: { draftVersion, process },
    }),
  );

export const useDeleteProcess = () =>
  useDraftMutation(({ draftVersion, id }: { draftVersion: number; id: string }) =>
    api<DraftMeta>(`/process-list/draft/processes/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      query: { draftVersion },
    }),
  );

export const useSaveMeasure = () =>
  useDraftMutation(({ draftVersion, measure }: { draftVersion: number; measure: TemplateMeasure }) =>
    api<DraftMeta>(`/process-list/draft/measures/${encodeURIComponent(measure.code)}`, {
      method: 'PUT',
      body: { draftVersion, measure },
    }),
  );

export const useDeleteMeasure = () =>
  useDraftMutation(({ draftVersion, code }: { draftVersion: number; code: string }) =>
    api<DraftMeta>(`/process-list/draft/measures/${encodeURIComponent(code)}`, {
      method: 'DELETE',
      query: { draftVersion },
    }),
  );

export const useDiscardDraft = () =>
  useDraftMutation(({ draftVersion }: { draftVersion: number }) =>
    api<void>('/process-list/draft', { method: 'DELETE', query: { draftVersion } }),
  );

export function usePublish() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { draftVersion: number; releaseNotes: { nl: string; en?: string } }) =>
      api<ListVersion>('/process-list/publish', { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        refreshDraft(qc),
        qc.invalidateQueries({ queryKey: versionsKey }),
        qc.invalidateQueries({ queryKey: ['processlist', 'updates'] }),
      ]),
  });
}

export function useProcessUpdates(bestuurId: string) {
  return useQuery({
    queryKey: updatesKey(bestuurId),
    queryFn: () => api<ProcessUpdates>(`/besturen/${bestuurId}/process-updates`),
  });
}

export type ApplyBody = { toVersion: number } & ({ templateIds: string[] } | { all: true });

/** Taking updates over changes the bestuur's processes and so its required measures. */
export function useApplyUpdates(bestuurId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplyBody) =>
      api<{ processes: number; assets: number }>(`/besturen/${bestuurId}/process-updates/apply`, {
        method: 'POST',
        body,
      }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: updatesKey(bestuurId) }),
        qc.invalidateQueries({ queryKey: ['processes', bestuurId] }),
        qc.invalidateQueries({ queryKey: ['required-measures', bestuurId] }),
      ]),
  });
}
