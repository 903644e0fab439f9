import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import type { FrameworkSearch } from './search';

/**
 * The requirement list's filters in the URL. The search text goes there after a pause
 * (replacing the entry); a change of a filter goes back to page 1 and keeps the others.
 */
export function useFrameworkSearch() {
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as FrameworkSearch;
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);

  // Only a change of the typed text goes to the URL; clearing the filters must not bring the old text back.
  const pushed = useRef(debounced);
  useEffect(() => {
    if (debounced === pushed.current) return;
    pushed.current = debounced;
    if ((search.q ?? '') !== debounced)
      void navigate({
        to: '.',
        search: (prev: FrameworkSearch) => ({ ...prev, q: debounced || undefined, page: undefined }),
        replace: true,
      });
  }, [debounced, search.q, navigate]);

  const set = (patch: Partial<FrameworkSearch>) =>
    void navigate({ to: '.', search: (prev: FrameworkSearch) => ({ ...prev, ...patch, page: undefined }) });
  const setPage = (p: number) =>
    void navigate({ to: '.', search: (prev: FrameworkSearch) => ({ ...prev, page: p > 1 ? p : undefined }) });
  const open = (requirement: string | undefined) =>
    void navigate({ to: '.', search: (prev: FrameworkSearch) => ({ ...prev, requirement }) });
  const clear = () => {
    setText('');
    void navigate({ to: '.', search: (prev: FrameworkSearch) => ({ level: prev.level }) });
  };

  return {
    search,
    page: search.page ?? 1,
    set,
    setPage,
    open,
    clear,
    inputProps: {
      type: 'search',
      value: text,
      onChange: (e: ChangeEvent<HTMLInputElement>) => setText(e.currentTarget.value),
    },
  };
}
