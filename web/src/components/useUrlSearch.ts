import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ChangeEvent, useEffect, useState } from 'react';

/**
 * A list page's page number and search text, both kept in the URL (`?q=…&page=…`).
 * What is typed goes to the URL after a pause (replacing the entry, back to page 1);
 * `q` is the text in the URL, the one to query with.
 */
export function useUrlSearch() {
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { page?: number; q?: string };
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);

  useEffect(() => {
    if ((search.q ?? '') !== debounced)
      void navigate({ to: '.', search: { q: debounced || undefined }, replace: true });
  }, [debounced, search.q, navigate]);

  const setPage = (p: number) =>
    void navigate({ to: '.', search: (prev: Record<string, unknown>) => ({ ...prev, page: p > 1 ? p : undefined }) });

  return {
    q: search.q,
    page: search.page ?? 1,
    setPage,
    /** For the search box: `<TextInput label={…} {...inputProps} />`. */
    inputProps: {
      type: 'search',
      value: text,
      onChange: (e: ChangeEvent<HTMLInputElement>) => setText(e.currentTarget.value),
    },
  };
}
