import fs from 'node:fs';
import path from 'node:path';
import { ImpactArea, TimePoint, impactAreas, timePoints } from '@baken/contracts';
import YAML from 'yaml';
import { z } from 'zod';
import { CONTENT_DIR } from '../catalog/content.loader.js';

/** content/continuity: the self-evaluation questions, the impact areas and the BIA defaults. */
const Text = z.object({ nl: z.string().min(1), en: z.string().min(1) });
const Question = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  question: Text,
  advice: z.object({ ja: Text, deels: Text, nee: Text }),
});
const Area = z.object({ id: ImpactArea, name: Text, scale: z.array(Text).length(5) });
const Curve = z.array(z.number().int().min(0).max(4)).length(timePoints.length);
const Defaults = z.object({
  unacceptableLevel: z.number().int().min(1).max(4),
  criticalThreshold: TimePoint,
  profiles: z
    .array(
      z.object({
        availability: z.number().int().min(1).max(5),
        rtoHours: z.number().int().min(1),
        rpoHours: z.number().int().min(0),
        impacts: z.record(z.string(), Curve),
      }),
    )
    .length(5),
});

export interface ContinuityContent {
  questions: z.infer<typeof Question>[];
  areas: z.infer<typeof Area>[];
  defaults: z.infer<typeof Defaults>;
}

const read = <T extends z.ZodType>(dir: string, file: string, schema: T): z.infer<T> => {
  const full = path.join(dir, 'continuity', file);
  const r = schema.safeParse(YAML.parse(fs.readFileSync(full, 'utf8')));
  if (!r.success)
    throw new Error(
      `content/continuity/${file}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  return r.data;
};

/** Reads and checks content/continuity; throws with every problem of a file. */
export function loadContinuityContent(dir = CONTENT_DIR): ContinuityContent {
  const questions = read(dir, 'self-evaluation.yaml', z.array(Question).length(10));
  const areas = read(dir, 'impact-areas.yaml', z.array(Area));
  const defaults = read(dir, 'defaults.yaml', Defaults);
  const ids = areas.map((a) => a.id);
  if (ids.length !== impactAreas.length || impactAreas.some((a) => !ids.includes(a)))
    throw new Error('content/continuity/impact-areas.yaml: every impact area exactly once');
  if (new Set(questions.map((q) => q.id)).size !== questions.length)
    throw new Error('content/continuity/self-evaluation.yaml: question ids are not unique');
  for (const p of defaults.profiles)
    for (const area of Object.keys(p.impacts))
      if (!ids.includes(area as ImpactArea))
        throw new Error(`content/continuity/defaults.yaml: unknown impact area ${area}`);
  return { questions, areas, defaults };
}

let cached: ContinuityContent | null = null;
export const continuityContent = () => {
  cached ??= loadContinuityContent();
  return cached;
};
