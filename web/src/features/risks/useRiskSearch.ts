import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import type { RiskSearch } from './search';

/** The register's search text and filters in the URL; the text goes there after a pause, replacing the entry. */
export function useRiskSearch() {
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as RiskSearch;
  const [text, setText] = useState(search.q ?? '');
  const [debounced] = useDebouncedValue(text.trim(), 300);

  // Only a change of the typed text goes to the URL; clearing the filters must not bring the old text back.
  const pushed = useRef(debounced);
  useEffect(() => {
    if (debounced === pushed.current) return;
    pushed.current = debounced;
    if ((search.q ?? '') !== debounced)
      void navigate({ to: '.', search: (prev: RiskSearch) => ({ ...prev, q: debounced || undefined }), replace: true });
  }, [debounced, search.q, navigate]);

  const set = (patch: Partial<RiskSearch>) =>
    void navigate({ to: '.', search: (prev: RiskSearch) => ({ ...prev, ...patch }) });
  const clear = () => {
    setText('');
    void navigate({ to: '.', search: {} });
  };

  return {
    search,
    set,
    clear,
    inputProps: {
      type: 'search',
      value: text,
      onChange: (e: ChangeEvent<HTMLInputElement>) => setText(e.currentTarget.value),
    },
  };
}
