import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import { Framework, Measure, Named, Process, Threat } from './content.schema.js';

export const CONTENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../content');

export interface Content {
  frameworks: Framework[];
  securityDomains: z.infer<typeof Named>[];
  measures: Measure[];
  processDomains: z.infer<typeof Named>[];
  applicationKinds: z.infer<typeof Named>[];
  processes: Process[];
  threats: z.infer<typeof Threat>[];
}

/** A problem in one file, at one place in it: what a reviewer needs to fix it. */
export interface ContentProblem {
  file: string;
  path: string;
  message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: ContentProblem[]) {
    super(
      `content/ has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file} ${p.path}: ${p.message}`).join('\n')}`,
    );
  }
}

function readYaml(file: string, problems: ContentProblem[]): unknown {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'));
  for (const e of doc.errors) problems.push({ file, path: `line ${e.linePos?.[0].line ?? '?'}`, message: e.message });
  return doc.toJS();
}

function parse<T extends z.ZodType>(schema: T, file: string, value: unknown, problems: ContentProblem[]): z.infer<T>[] {
  const r = z.array(schema).safeParse(value ?? []);
  if (r.success) return r.data;
  for (const i of r.error.issues) problems.push({ file, path: i.path.join('.'), message: i.message });
  return [];
}

const yamlFiles = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => path.join(dir, f))
    : [];

/** Reads and checks the format of every file under content/; throws ContentError listing every problem. */
export function loadContent(dir = CONTENT_DIR): Content {
  const problems: ContentProblem[] = [];
  const list = <T extends z.ZodType>(schema: T, file: string) =>
    fs.existsSync(file) ? parse(schema, path.relative(dir, file), readYaml(file, problems), problems) : [];
  const many = <T extends z.ZodType>(schema: T, sub: string) =>
    yamlFiles(path.join(dir, sub)).flatMap((f) =>
      parse(schema, path.relative(dir, f), readYaml(f, problems), problems),
    );

  const frameworks = yamlFiles(path.join(dir, 'frameworks')).flatMap((f) => {
    const r = Framework.safeParse(readYaml(f, problems));
    if (r.success) return [r.data];
    for (const i of r.error.issues)
      problems.push({ file: path.relative(dir, f), path: i.path.join('.'), message: i.message });
    return [];
  });
  const content: Content = {
    frameworks,
    securityDomains: list(Named, path.join(dir, 'security-domains.yaml')),
    measures: many(Measure, 'measures'),
    processDomains: list(Named, path.join(dir, 'process-domains.yaml')),
    applicationKinds: list(Named, path.join(dir, 'application-kinds.yaml')),
    processes: many(Process, 'processes'),
    threats: list(Threat, path.join(dir, 'threats.yaml')),
  };
  if (problems.length) throw new ContentError(problems);
  return content;
}
