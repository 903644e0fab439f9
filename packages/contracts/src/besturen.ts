import { z } from 'zod';
import { Id, PageQuery, Timestamp, Version } from './common.js';
import { isValidKbo, normaliseKbo } from './identifiers.js';

export const bestuurKinds = [
  'gemeente',
  'stad',
  'ocmw',
  'politiezone',
  'hulpverleningszone',
  'intergemeentelijk_samenwerkingsverband',
  'provincie',
  'andere',
] as const;
export const BestuurKind = z.enum(bestuurKinds);
export type BestuurKind = z.infer<typeof BestuurKind>;

export const provinces = [
  'antwerpen',
  'limburg',
  'oost-vlaanderen',
  'vlaams-brabant',
  'west-vlaanderen',
  'brussel',
] as const;
export const Province = z.enum(provinces);

/** Kinds that carry the NIS code of the municipality they belong to. */
export const kindsWithNisCode: readonly (typeof bestuurKinds)[number][] = ['gemeente', 'stad', 'ocmw'];

export const Kbo = z.string().transform(normaliseKbo).refine(isValidKbo, { message: 'kbo_invalid' });
export const NisCode = z.string().regex(/^\d{5}$/, { message: 'nis_code_invalid' });

const bestuurFields = {
  kind: BestuurKind,
  name: z.string().trim().min(2).max(200),
  nisCode: NisCode.nullable(),
  kboNumber: Kbo.nullable(),
  population: z.number().int().min(0).max(10_000_000).nullable(),
  province: Province.nullable(),
};

export const Bestuur = z.object({
  id: Id,
  ...bestuurFields,
  nisCode: z.string().nullable(),
  kboNumber: z.string().nullable(),
  active: z.boolean(),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Bestuur = z.infer<typeof Bestuur>;

export const BestuurCreate = z.object(bestuurFields);
export type BestuurCreate = z.infer<typeof BestuurCreate>;

export const BestuurUpdate = z
  .object({
    ...bestuurFields,
    active: z.boolean(),
  })
  .partial()
  .extend({ version: Version });
export type BestuurUpdate = z.infer<typeof BestuurUpdate>;

export const BestuurListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: BestuurKind.optional(),
});
