import { useFilterSearch } from '../../components/useFilterSearch';
import type { ProcessSearch } from './search';

/** The process list's filters in the URL. */
export const useProcessSearch = () => useFilterSearch<ProcessSearch>();
