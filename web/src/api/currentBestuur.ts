import type { SessionInfo } from '@baken/contracts';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';

const KEY = 'baken.bestuur';

function stored(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The bestuur last worked in, if the user is still a member of it. */
export function lastBestuurId(session: SessionInfo): string | undefined {
  const id = stored();
  return id && session.memberships.some((m) => m.bestuurId === id) ? id : undefined;
}

/**
 * The bestuur the shell is about: the one in the URL, else the one last worked in, else the
 * first membership. Keeps the switcher and the navigation stable on pages such as /profiel.
 */
export function useCurrentBestuurId(session: SessionInfo | null): string | undefined {
  const { bestuurId } = useParams({ strict: false }) as { bestuurId?: string };
  useEffect(() => {
    if (!bestuurId) return;
    try {
      localStorage.setItem(KEY, bestuurId);
    } catch {
      // without storage the shell falls back to the first membership
    }
  }, [bestuurId]);
  if (bestuurId) return bestuurId;
  if (!session) return undefined;
  return lastBestuurId(session) ?? session.memberships[0]?.bestuurId;
}
