import type { Named } from '@baken/contracts';
import type { TFunction } from 'i18next';
import i18n from '../../i18n';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/**
 * The process domains of the generic list as Baken ships it (content/process-domains.yaml), in
 * its order, with their names in the translations (`processes.domains.<id>`). What a bestuur can
 * adopt comes from the newest published version (`usePublishedDomains`); this list stands in
 * while that loads.
 */
export const PROCESS_DOMAINS = [
  'burgerzaken',
  'sociale-dienstverlening',
  'zorg',
  'omgeving',
  'financien',
  'personeel',
  'onderwijs-en-kinderopvang',
  'vrije-tijd',
  'lokale-economie',
  'mobiliteit-en-openbare-werken',
  'veiligheid',
  'raad-en-secretariaat',
  'ict-en-informatiebeheer',
  'communicatie',
  'facilitair',
] as const;

/** A domain's name: the translation, else the published list's name, else the id. */
export function domainName(t: TFunction, id: string, published?: Named[]): string {
  const key = `processes.domains.${id}`;
  const name = t(key);
  if (name !== key) return name;
  const named = published?.find((d) => d.id === id);
  if (!named) return id;
  return i18n.language === 'en' ? named.name.en : named.name.nl;
}

/** Domains in the list's order, unknown ones (added by a newer version) after them. */
export function domainOrder(id: string): number {
  const i = (PROCESS_DOMAINS as readonly string[]).indexOf(id);
  return i === -1 ? PROCESS_DOMAINS.length : i;
}

/**
 * The domains of the newest published version of the generic list that hold processes: what a
 * bestuur can adopt. Undefined while loading.
 */
export function usePublishedDomains(enabled = true): Named[] | undefined {
  const published = useQuery({
    queryKey: ['processlist', 'domains'],
    queryFn: () => api<{ version: number; domains: Named[] }>('/process-list/domains'),
    enabled,
  });
  return published.data?.domains;
}
