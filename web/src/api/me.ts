import type { Me } from '@baken/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { sessionQuery } from './session';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => api<Me>('/me'),
});

export interface MeChanges {
  displayName?: string;
  language?: 'nl' | 'en';
}

/** PATCH /api/me with the version of the cached profile; refreshes profile and session. */
export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (changes: MeChanges & { version?: number }) => {
      const version = changes.version ?? (await qc.fetchQuery(meQuery)).version;
      return api<Me>('/me', { method: 'PATCH', body: { ...changes, version } });
    },
    onSuccess: (me) => {
      qc.setQueryData(meQuery.queryKey, me);
      void qc.invalidateQueries({ queryKey: sessionQuery.queryKey });
    },
  });
}
