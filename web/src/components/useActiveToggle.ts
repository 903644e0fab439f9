import { useState } from 'react';
import { ApiError } from '../api/client';

interface Callbacks {
  onSuccess: () => void;
  onError: (e: unknown) => void;
}

/**
 * (De)activating something after a confirmation. When someone else changed it meanwhile
 * (409), the dialog stays open with the current object, so the user decides again on what is
 * stored now.
 */
export function useActiveToggle<T extends { version: number; active: boolean }>(
  save: (target: T, callbacks: Callbacks) => void,
) {
  const [toggling, setToggling] = useState<T | null>(null);
  const confirm = () => {
    if (!toggling) return;
    save(toggling, {
      onSuccess: () => setToggling(null),
      onError: (e) => {
        if (e instanceof ApiError && e.current) setToggling(e.current as T);
      },
    });
  };
  return { toggling, setToggling, confirm };
}
