import { useFilterSearch } from '../../components/useFilterSearch';
import type { FrameworkSearch } from './search';

/** The requirement list's filters in the URL; the open requirement too; clearing keeps the CyFun level. */
export function useFrameworkSearch() {
  const s = useFilterSearch<FrameworkSearch>((prev) => ({ level: prev.level }));
  return { ...s, open: (requirement: string | undefined) => s.update(() => ({ requirement })) };
}
