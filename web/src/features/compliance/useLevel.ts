import { useNavigate, useSearch } from '@tanstack/react-router';
import type { Level, LevelSearch } from './search';

/** The CyFun level in the URL (`?level=important`); Basic when absent. */
export function useLevel() {
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as LevelSearch;
  const level: Level = search.level ?? 'basic';
  const setLevel = (l: Level) =>
    void navigate({
      to: '.',
      search: (prev: Record<string, unknown>) => ({ ...prev, level: l === 'basic' ? undefined : l, page: undefined }),
      replace: true,
    });
  return { level, setLevel };
}
