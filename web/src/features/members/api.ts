import type { Member, MemberInvite, MemberUpdate } from '@baken/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';

export interface MemberFilter {
  page: number;
  pageSize: number;
  q?: string;
  role?: string;
  active?: 'true' | 'false';
}

export function useMembers(bestuurId: string, filter: MemberFilter, enabled = true) {
  return useQuery({
    queryKey: ['members', bestuurId, filter],
    queryFn: () => api<Page<Member>>(`/besturen/${bestuurId}/members`, { query: { ...filter } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInviteMember(bestuurId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MemberInvite) => api<Member>(`/besturen/${bestuurId}/members`, { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['members', bestuurId] }),
  });
}

export function useUpdateMember(bestuurId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: string; body: MemberUpdate }) =>
      api<Member>(`/besturen/${bestuurId}/members/${memberId}`, { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['members', bestuurId] }),
  });
}
