import type { BestuurRole, MembershipSummary, Permission, SessionInfo } from '@baken/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import i18n from '../i18n';
import { ApiError, api, setCsrfToken } from './client';
import { lastBestuurId } from './currentBestuur';

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async (): Promise<SessionInfo | null> => {
    try {
      const session = await api<SessionInfo>('/auth/session');
      applySession(session);
      return session;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw e;
    }
  },
  staleTime: 60_000,
});

/** Makes the session's CSRF token and language effective for the UI. */
export function applySession(session: SessionInfo): void {
  setCsrfToken(session.csrfToken);
  if (i18n.language !== session.user.language) void i18n.changeLanguage(session.user.language);
}

export function useSession(): SessionInfo | null {
  return useQuery(sessionQuery).data ?? null;
}

/** The signed-in session; only for screens behind the sign-in guard. */
export function useRequiredSession(): SessionInfo {
  const session = useSession();
  if (!session) throw new Error('useRequiredSession outside the authenticated area');
  return session;
}

export function findMembership(session: SessionInfo | null, bestuurId: string): MembershipSummary | undefined {
  return session?.memberships.find((m) => m.bestuurId === bestuurId);
}

/** Whether the user holds a permission in a bestuur (or regionally). */
export function hasPermission(session: SessionInfo | null, permission: Permission, bestuurId?: string): boolean {
  if (!session) return false;
  if (session.user.regionalPermissions.includes(permission)) return true;
  // Regional roles that see all besturen may read each bestuur's details.
  if (permission === 'bestuur.view' && session.user.regionalPermissions.includes('region.besturen.view')) return true;
  if (!bestuurId) return false;
  return findMembership(session, bestuurId)?.permissions.includes(permission) ?? false;
}

export function roleOf(session: SessionInfo | null, bestuurId: string): BestuurRole | undefined {
  return findMembership(session, bestuurId)?.role;
}

export function homePath(session: SessionInfo): string {
  const first = lastBestuurId(session) ?? session.memberships[0]?.bestuurId;
  if (first) return `/b/${first}`;
  if (session.user.regionalRoles.length > 0) return '/regio';
  return '/profiel';
}
