import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AnswersUpdate, Assessment, AssessmentSummary, NewAssessment } from './types';

const listKey = (bestuurId: string) => ['cyfun', bestuurId];
const detailKey = (bestuurId: string, id: string) => ['cyfun', bestuurId, id];
const base = (bestuurId: string) => `/besturen/${bestuurId}/cyfun-assessments`;

export function useAssessments(bestuurId: string) {
  return useQuery({
    queryKey: listKey(bestuurId),
    queryFn: async () => (await api<{ items: AssessmentSummary[] }>(base(bestuurId))).items,
  });
}

export function useAssessment(bestuurId: string, id: string) {
  return useQuery({
    queryKey: detailKey(bestuurId, id),
    queryFn: () => api<Assessment>(`${base(bestuurId)}/${id}`),
  });
}

export function useCreateAssessment(bestuurId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAssessment) => api<Assessment>(base(bestuurId), { method: 'POST', body }),
    onSuccess: (created) => {
      qc.setQueryData(detailKey(bestuurId, created.id), created);
      return qc.invalidateQueries({ queryKey: listKey(bestuurId), exact: true });
    },
  });
}

/** The answer sends back the whole assessment with its new result: it replaces the cached one. */
export function useUpdateAssessment(bestuurId: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswersUpdate) => api<Assessment>(`${base(bestuurId)}/${id}`, { method: 'PATCH', body }),
    onSuccess: (saved) => {
      qc.setQueryData(detailKey(bestuurId, id), saved);
      return qc.invalidateQueries({ queryKey: listKey(bestuurId), exact: true });
    },
  });
}

/** Puts the current assessment a 409 carried in the cache, as if it had just been loaded. */
export function useReplaceAssessment(bestuurId: string, id: string) {
  const qc = useQueryClient();
  return (current: Assessment) => qc.setQueryData(detailKey(bestuurId, id), current);
}

export function useDeleteAssessment(bestuurId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api<void>(`${base(bestuurId)}/${id}`, { method: 'DELETE', query: { version } }),
    onSuccess: (_, { id }) => {
      qc.removeQueries({ queryKey: detailKey(bestuurId, id) });
      return qc.invalidateQueries({ queryKey: listKey(bestuurId), exact: true });
    },
    // Changed in the meantime (409): the list fetches the current version for the next attempt.
    onError: () => qc.invalidateQueries({ queryKey: listKey(bestuurId), exact: true }),
  });
}
