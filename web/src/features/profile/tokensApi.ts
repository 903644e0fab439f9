import type { ApiToken } from '@baken/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

export interface ApiTokenCreated extends ApiToken {
  token: string;
}

const key = ['me', 'tokens'];

export function useTokens() {
  return useQuery({ queryKey: key, queryFn: () => api<{ items: ApiToken[] }>('/me/tokens') });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { bestuurId: string; name: string; expiresInDays: number | null }) =>
      api<ApiTokenCreated>('/me/tokens', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/me/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}
