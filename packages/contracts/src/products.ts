import { z } from 'zod';
import { BestuurParams, Id, PageQuery, Timestamp, Version } from './common.js';

/**
 * IPDC (the inter-governmental product and service catalogue): the code lists of the OSLO
 * IPDC-LPDC model, and the concepts a bestuur links its processes to.
 */
export const ipdcProductTypes = [
  'FinancieleVerplichting',
  'Toelating',
  'Bewijs',
  'Voorwerp',
  'AdviesBegeleiding',
  'InfrastructuurMateriaal',
  'FinancieelVoordeel',
] as const;
export const ipdcThemes = [
  'BurgerOverheid',
  'CultuurSportVrijeTijd',
  'EconomieWerk',
  'MilieuEnergie',
  'MobiliteitOpenbareWerken',
  'OnderwijsWetenschap',
  'WelzijnGezondheid',
  'BouwenWonen',
] as const;
export const ipdcTargetGroups = [
  'Burger',
  'Onderneming',
  'Organisatie',
  'VlaamseOverheid',
  'LokaalBestuur',
  'Vereniging',
] as const;
export const IpdcProductType = z.enum(ipdcProductTypes);
export type IpdcProductType = z.infer<typeof IpdcProductType>;
export const IpdcTheme = z.enum(ipdcThemes);
export type IpdcTheme = z.infer<typeof IpdcTheme>;
export const IpdcTargetGroup = z.enum(ipdcTargetGroups);

/** Every concept identifier has this form; a bare uuid is accepted and completed. */
export const IPDC_CONCEPT_PREFIX = 'https://ipdc.vlaanderen.be/id/concept/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The concept URI for a URI or a bare uuid (lower case); null when it is neither. */
export function normaliseConceptId(value: string): string | null {
  const v = value.trim();
  const uuid = v.toLowerCase().startsWith(IPDC_CONCEPT_PREFIX) ? v.slice(IPDC_CONCEPT_PREFIX.length) : v;
  return UUID.test(uuid) ? `${IPDC_CONCEPT_PREFIX}${uuid.toLowerCase()}` : null;
}

export const IpdcConceptId = z
  .string()
  .trim()
  .max(200)
  .transform((v, ctx) => {
    const id = normaliseConceptId(v);
    if (!id) ctx.addIssue({ code: 'custom', message: 'ipdc_concept_id_invalid' });
    return id ?? v;
  });

export const IpdcConcept = z.object({
  id: z.string(),
  name: z.object({ nl: z.string(), en: z.string().nullable() }),
  description: z.string().nullable(),
  productType: IpdcProductType.nullable(),
  themes: z.array(IpdcTheme),
  targetGroups: z.array(IpdcTargetGroup),
  keywords: z.array(z.string()),
  sourceFile: z.string().nullable(),
  importedAt: Timestamp,
});
export type IpdcConcept = z.infer<typeof IpdcConcept>;

export const IpdcConceptListQuery = PageQuery.extend({
  /** Searches the names, the description and the keywords. */
  q: z.string().trim().max(100).optional(),
  type: IpdcProductType.optional(),
  theme: IpdcTheme.optional(),
});
export type IpdcConceptListQuery = z.infer<typeof IpdcConceptListQuery>;

export const IpdcImportQuery = z.object({
  /** true: check and count, change nothing. */
  dryRun: z.enum(['true', 'false']).default('false'),
  /** The name of the file, kept with the concepts it brought. */
  fileName: z.string().trim().min(1).max(200).optional(),
});

export const IpdcImportResult = z.object({
  dryRun: z.boolean(),
  /** Data rows in the file. */
  rows: z.number().int().min(0),
  added: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  /** Columns of the file that Baken does not read. */
  ignoredColumns: z.array(z.string()),
});
export type IpdcImportResult = z.infer<typeof IpdcImportResult>;

/** One problem of an import file: the row (1 is the header) and the column it is in. */
export const IpdcImportError = z.object({
  row: z.number().int().min(1),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type IpdcImportError = z.infer<typeof IpdcImportError>;

/** Messages of the import's row errors, keyed by their code. */
export const ipdcImportMessages = {
  file_empty: { nl: 'Het bestand is leeg.', en: 'The file is empty.' },
  file_encoding: { nl: 'Het bestand is geen UTF-8-tekst.', en: 'The file is not UTF-8 text.' },
  quote_unclosed: { nl: 'Een aanhalingsteken wordt niet gesloten.', en: 'A quotation mark is not closed.' },
  column_missing: {
    nl: 'De verplichte kolom ontbreekt in de kopregel.',
    en: 'The required column is missing from the header row.',
  },
  column_duplicate: {
    nl: 'Deze kolom staat twee keer in de kopregel.',
    en: 'This column appears twice in the header row.',
  },
  id_missing: { nl: 'De concept-id ontbreekt.', en: 'The concept id is missing.' },
  id_invalid: {
    nl: 'Geen geldige concept-id: verwacht https://ipdc.vlaanderen.be/id/concept/{uuid} of een uuid.',
    en: 'Not a valid concept id: expected https://ipdc.vlaanderen.be/id/concept/{uuid} or a uuid.',
  },
  id_duplicate: {
    nl: 'Deze concept-id staat al op een eerdere rij.',
    en: 'This concept id is already on an earlier row.',
  },
  name_missing: { nl: 'De naam (Nederlands) ontbreekt.', en: 'The name (Dutch) is missing.' },
  too_long: { nl: 'De waarde is te lang.', en: 'The value is too long.' },
  type_unknown: {
    nl: `Onbekend producttype; toegelaten: ${ipdcProductTypes.join(', ')}.`,
    en: `Unknown product type; allowed: ${ipdcProductTypes.join(', ')}.`,
  },
  theme_unknown: {
    nl: `Onbekend thema; toegelaten: ${ipdcThemes.join(', ')}.`,
    en: `Unknown theme; allowed: ${ipdcThemes.join(', ')}.`,
  },
  target_group_unknown: {
    nl: `Onbekende doelgroep; toegelaten: ${ipdcTargetGroups.join(', ')}.`,
    en: `Unknown target group; allowed: ${ipdcTargetGroups.join(', ')}.`,
  },
  column_count: {
    nl: 'De rij heeft meer velden dan de kopregel.',
    en: 'The row has more fields than the header row.',
  },
} as const satisfies Record<string, { nl: string; en: string }>;
export type IpdcImportErrorCode = keyof typeof ipdcImportMessages;

// A bestuur's process and its products

/** The same shape as ProcessParams of processes.ts, kept here so this module stands on its own. */
export const ProductProcessParams = BestuurParams.extend({ processId: Id });

export const ProcessProductsUpdate = z.object({
  /** The full set of linked concepts: URIs or bare uuids. */
  conceptIds: z.array(IpdcConceptId).max(200),
});
export type ProcessProductsUpdate = z.infer<typeof ProcessProductsUpdate>;

export const ProcessProducts = z.object({
  processId: Id,
  /** The generic process's IPDC codes; empty for a process of the bestuur's own. */
  ipdc: z.object({ themes: z.array(IpdcTheme), types: z.array(IpdcProductType) }),
  items: z.array(IpdcConcept),
  /** Concepts not linked yet whose theme (and type, first) match the process's codes. */
  suggestions: z.array(IpdcConcept),
});
export type ProcessProducts = z.infer<typeof ProcessProducts>;

// The BPMN diagram of a process

/** The largest BPMN file accepted, in bytes. */
export const BPMN_MAX_BYTES = 2 * 1024 * 1024;
/** The largest IPDC CSV file accepted, in bytes. */
export const IPDC_CSV_MAX_BYTES = 10 * 1024 * 1024;

export const DiagramInfo = z.object({
  id: Id,
  processId: Id,
  fileName: z.string(),
  size: z.number().int().min(0),
  sha256: z.string(),
  uploadedBy: z.object({ id: Id, name: z.string() }).nullable(),
  uploadedAt: Timestamp,
  version: z.number().int(),
});
export type DiagramInfo = z.infer<typeof DiagramInfo>;
export const DiagramInfoResult = z.object({ diagram: DiagramInfo.nullable() });

const FileName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((v) => !/[/\\]/.test(v) && [...v].every((c) => c.charCodeAt(0) >= 32), 'file_name_invalid');

export const DiagramUploadQuery = z.object({
  fileName: FileName.optional(),
  /** The version of the diagram being replaced; required when the process already has one. */
  version: z.coerce.number().pipe(Version).optional(),
});
export const DiagramDeleteQuery = z.object({ version: z.coerce.number().pipe(Version) });

/** Why a BPMN file was refused, in details.reason of BPMN_INVALID. */
export const bpmnReasonMessages = {
  empty: { nl: 'het bestand is leeg.', en: 'the file is empty.' },
  encoding: { nl: 'het bestand is geen UTF-8-tekst.', en: 'the file is not UTF-8 text.' },
  not_xml: { nl: 'het bestand is geen geldige XML.', en: 'the file is not well-formed XML.' },
  doctype: {
    nl: 'een DOCTYPE of entiteitsdefinitie is niet toegelaten.',
    en: 'a DOCTYPE or entity declaration is not allowed.',
  },
  not_bpmn: {
    nl: 'het hoofdelement is geen BPMN 2.0-definitions-element.',
    en: 'the root element is not a BPMN 2.0 definitions element.',
  },
  no_process: { nl: 'het bestand bevat geen proces.', en: 'the file contains no process.' },
} as const satisfies Record<string, { nl: string; en: string }>;
export type BpmnReason = keyof typeof bpmnReasonMessages;
