import type { TFunction } from 'i18next';

/**
 * The process domains of the generic list, in its order (content/process-domains.yaml). There is
 * no API for them yet; their names are in the translations (`processes.domains.<id>`).
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

/** A domain's name; an id the web app does not know yet is shown as it is. */
export function domainName(t: TFunction, id: string): string {
  const key = `processes.domains.${id}`;
  const name = t(key);
  return name === key ? id : name;
}

/** Domains in the list's order, unknown ones (newer content) after them. */
export function domainOrder(id: string): number {
  const i = (PROCESS_DOMAINS as readonly string[]).indexOf(id);
  return i === -1 ? PROCESS_DOMAINS.length : i;
}
