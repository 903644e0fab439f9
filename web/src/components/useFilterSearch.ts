import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';

/**
 * A list's filters in the URL. The search text goes there after a pause (replacing the entry);
 * every change of a filter goes back to page 1 and keeps the other filters. `kept` names what
 * clearing the filters leaves (a CyFun level, say).
 */
export function useFilterSearch<S extends { q?: string; page?: number }>(kept: (prev: S) => Partial<S> = () => ({})) {
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as S;
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
        search: (prev: S) => ({ ...prev, q: debounced || undefined, page: undefined }),
        replace: true,
      });
  }, [debounced, search.q, navigate]);

  const update = (patch: (prev: S) => Partial<S>) =>
    void navigate({ to: '.', search: (prev: S) => ({ ...prev, ...patch(prev) }) });
  return {
    search,
    page: search.page ?? 1,
    set: (patch: Partial<S>) => update(() => ({ ...patch, page: undefined })),
    setPage: (p: number) => update(() => ({ page: p > 1 ? p : undefined }) as Partial<S>),
    update,
    clear: () => {
      setText('');
      void navigate({ to: '.', search: (prev: S) => kept(prev) });
    },
    inputProps: {
      type: 'search',
      value: text,
      onChange: (e: ChangeEvent<HTMLInputElement>) => setText(e.currentTarget.value),
    },
  };
}
