import { z } from 'zod';
import { errorCodes } from './errors.js';

export const Id = z.uuid();
export const Language = z.enum(['nl', 'en']);
export const Timestamp = z.iso.datetime({ offset: true });
export const Email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const Version = z.number().int().min(1);

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

export const ErrorBody = z.object({
  code: z.enum(errorCodes as [string, ...string[]]),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Health = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
});

export const IdParams = z.object({ id: Id });
export const BestuurParams = z.object({ bestuurId: Id });
