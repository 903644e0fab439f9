import { z } from 'zod';
import { loadContent } from '../catalog/content.loader.js';
import { type CyfunNode, InvalidAnswers, MissingAnswers, cyfunLevels, scoreCyfun } from './scoring.js';

/** The editions by the names users give them, and the framework of content/ each one is. */
export const cyfunEditions: Record<string, string> = {
  '2023-03-01': 'cyfun-2023-03-01',
  '2025': 'cyfun-2025',
  '2025-10-01': 'cyfun-2025',
};

const Input = z.object({
  edition: z.string(),
  level: z.enum(cyfunLevels),
  answers: z.array(
    z.union([
      z.object({ id: z.string(), na: z.literal(true) }),
      z.object({ id: z.string(), documentation: z.number(), implementation: z.number() }),
    ]),
  ),
});

const round = (n: number) => Math.round(n * 100) / 100;
const rounded = <T extends Record<string, number>>(o: T) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)])) as T;

/**
 * `npm run cli -- cyfun-score < answers.json`: scores a self-assessment as the official
 * method does. Exit 0 with the score; 2 when answers of the level are missing (listed); 1 on
 * input that cannot be read.
 */
export async function cyfunScoreCommand(readStdin: () => Promise<string>): Promise<number> {
  let input: z.infer<typeof Input>;
  try {
    input = Input.parse(JSON.parse(await readStdin()));
  } catch (err) {
    console.error(`cyfun-score: the input is not valid: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const frameworkId = cyfunEditions[input.edition];
  const framework = loadContent().frameworks.find((f) => f.id === frameworkId);
  if (!framework) {
    console.error(`cyfun-score: unknown edition ${input.edition}; known: ${Object.keys(cyfunEditions).join(', ')}`);
    return 1;
  }
  try {
    const s = scoreCyfun(framework.nodes as CyfunNode[], input.level, input.answers);
    const categories = Object.fromEntries(Object.entries(s.categories).map(([id, c]) => [id, rounded({ ...c })]));
    console.log(
      JSON.stringify({
        total: round(s.total),
        categories,
        keyMeasures: rounded(s.keyMeasures),
        passed: s.passed,
        failures: s.failures.map((f) => ('value' in f ? { ...f, value: round(f.value) } : f)),
      }),
    );
    return 0;
  } catch (err) {
    if (err instanceof MissingAnswers) {
      console.log(JSON.stringify({ error: 'missing_answers', missing: err.ids }));
      console.error(`cyfun-score: ${err.message}`);
      return 2;
    }
    if (err instanceof InvalidAnswers) {
      console.error(`cyfun-score: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
