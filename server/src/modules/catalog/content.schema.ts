import { z } from 'zod';

/** The format of content/ (content/README.md), checked when it is loaded. */

export const Text = z.object({ nl: z.string().trim().min(1), en: z.string().trim().min(1), fr: z.string().optional() });
const Id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lowercase kebab-case id');
const Class = z.number().int().min(1).max(5);
const Level = z.enum(['basic', 'important', 'essential']);

export const FrameworkNode = z.object({
  id: z.string().min(1),
  parent: z.string().nullable(),
  assessable: z.boolean(),
  title: Text,
  description: Text.optional(),
  levels: z.array(z.string()).optional(),
  keyMeasureAt: Level.optional(),
  managementAspectAt: Level.optional(),
});

export const Framework = z.object({
  id: Id,
  name: Text,
  publisher: z.string(),
  edition: z.string(),
  kind: z.enum(['cyfun', 'nis2', 'gdpr', 'ksz', 'baseline']),
  levels: z.array(z.object({ id: Id, name: Text })).optional(),
  nodes: z.array(FrameworkNode).min(1),
});
export type Framework = z.infer<typeof Framework>;

export const Named = z.object({ id: Id, name: Text });

export const relationships = ['equal', 'subset', 'superset', 'intersect'] as const;

export const Measure = z.object({
  code: z.string().regex(/^[A-Z]{2,4}-\d{2,3}$/, 'code like TB-01'),
  domain: Id,
  type: z.enum(['organisational', 'technical']),
  title: Text,
  guidance: Text,
  applies: z.union([
    z.literal('always'),
    z
      .object({ c: Class.nullish(), i: Class.nullish(), a: Class.nullish() })
      .refine((r) => r.c != null || r.i != null || r.a != null, 'a class rule needs at least one of c, i, a'),
  ]),
  conditions: z
    .object({ personalData: z.boolean().optional(), ksz: z.boolean().optional(), nis2: z.boolean().optional() })
    .optional(),
  mappings: z
    .array(z.object({ framework: Id, requirement: z.string().min(1), relationship: z.enum(relationships) }))
    .default([]),
});
export type Measure = z.infer<typeof Measure>;

export const Asset = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  name: Text,
  class: z.object({ c: Class, i: Class, a: Class }),
  reason: Text,
  personalData: z.boolean(),
  sensitiveData: z.boolean(),
  kszData: z.boolean(),
});

export const Process = z.object({
  id: Id,
  domain: Id,
  name: Text,
  description: Text,
  ipdc: z
    .object({
      themes: z
        .array(
          z.enum([
            'BurgerOverheid',
            'CultuurSportVrijeTijd',
            'EconomieWerk',
            'MilieuEnergie',
            'MobiliteitOpenbareWerken',
            'OnderwijsWetenschap',
            'WelzijnGezondheid',
            'BouwenWonen',
          ]),
        )
        .default([]),
      types: z
        .array(
          z.enum([
            'FinancieleVerplichting',
            'Toelating',
            'Bewijs',
            'Voorwerp',
            'AdviesBegeleiding',
            'InfrastructuurMateriaal',
            'FinancieelVoordeel',
          ]),
        )
        .default([]),
    })
    .optional(),
  applications: z.array(Id).default([]),
  assets: z.array(Asset).min(2),
  risks: z.array(Text).min(1),
});
export type Process = z.infer<typeof Process>;
