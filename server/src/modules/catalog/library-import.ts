import YAML, { LineCounter, isNode } from 'yaml';
import { z } from 'zod';

/**
 * Reading a CISO Assistant library (format v6, https://github.com/intuitem/ciso-assistant-community,
 * `backend/library/libraries/`) into what Baken stores. Only `objects.framework` is used; the
 * other object kinds (reference controls, threats, risk matrices, mapping sets) are noted and
 * left out. Nothing here touches the database: a file is checked completely first.
 */

/** Library frameworks that are the same as one of ours (content/README.md, fixed identifiers). */
export const KNOWN_FRAMEWORKS: Record<string, { id: string; kind: 'cyfun' | 'nis2'; edition: string }> = {
  'urn:intuitem:risk:framework:ccb-cff-2023-03-01': { id: 'cyfun-2023-03-01', kind: 'cyfun', edition: '2023-03-01' },
};

/** Languages Baken keeps of a library's texts. */
export const LANGUAGES = ['nl', 'en', 'fr'] as const;
type Lang = (typeof LANGUAGES)[number];

export interface LibraryProblem {
  /** Where in the file: `objects.framework.requirement_nodes[12].parent_urn`; empty for the whole file. */
  path: string;
  line?: number;
  message: string;
}

export class LibraryImportError extends Error {
  constructor(readonly problems: LibraryProblem[]) {
    super(
      `The library was not imported; nothing was changed. ${problems.length} problem(s):\n${problems
        .map((p) => `  ${p.path || '(file)'}${p.line ? ` (line ${p.line})` : ''}: ${p.message}`)
        .join('\n')}`,
    );
  }
}

const str = z.string().nullish();
const Texts = z.object({ name: str, description: str, annotation: str, description_doc: str });
const Translations = z.record(z.string(), Texts.nullish()).nullish();
// Ref ids are strings; a bare integer (`ref_id: 3`) is read as its digits, a decimal would lose digits.
const RefId = z.union([z.string(), z.number().int().transform(String)], {
  error: 'must be a string (quote a ref_id like 21.10)',
});

const RequirementNode = z.object({
  urn: z.string().min(1),
  parent_urn: str,
  ref_id: RefId.nullish(),
  assessable: z.boolean(),
  depth: z.number().int().min(1).nullish(),
  name: str,
  description: str,
  annotation: str,
  implementation_groups: z.array(z.string()).nullish(),
  translations: Translations,
});

const LibraryFramework = z.object({
  urn: z.string().regex(/^urn:/, 'must be a urn'),
  ref_id: RefId.nullish(),
  name: z.string().min(1),
  description: str,
  translations: Translations,
  min_score: z.number().int().nullish(),
  max_score: z.number().int().nullish(),
  scores_definition: z
    .array(
      z.object({
        score: z.number().int(),
        name: z.string(),
        description: str,
        description_doc: str,
        translations: Translations,
      }),
    )
    .nullish(),
  implementation_groups_definition: z
    .array(z.object({ ref_id: RefId, name: z.string(), description: str, translations: Translations }))
    .nullish(),
  requirement_nodes: z.array(RequirementNode).min(1),
});

const Library = z.object({
  urn: z.string().regex(/^urn:/, 'must be a urn'),
  version: z.number().int().min(1),
  locale: z.string().default('en'),
  provider: str,
  publication_date: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]).nullish(),
  objects: z.looseObject({ framework: LibraryFramework }),
});
type Library = z.infer<typeof Library>;

type LangTexts = Partial<Record<'name' | 'description' | 'annotation' | 'descriptionDoc', string>>;
export type Official = Partial<Record<Lang, LangTexts>>;

export interface PlannedNode {
  id: string;
  urn: string;
  parentId: string | null;
  position: number;
  depth: number;
  assessable: boolean;
  official: Official | null;
  groups: string[];
}

export interface LibraryPlan {
  frameworkId: string;
  known: boolean;
  framework: {
    urn: string;
    name: Record<string, string>;
    publisher: string;
    edition: string;
    kind: string;
    libraryVersion: number;
    minScore: number | null;
    maxScore: number | null;
    scoreDefinitions: unknown[];
    groups: unknown[];
  };
  nodes: PlannedNode[];
  notes: string[];
}

const formatPath = (path: readonly PropertyKey[]) =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');

/** The line of the nearest part of `path` that exists in the document. */
function lineOf(doc: YAML.Document, counter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** Texts of one object per language: its own fields in the library's locale, the rest from translations. */
function textsOf(own: z.infer<typeof Texts>, translations: z.infer<typeof Translations>, locale: string): Official {
  const pick = (t: z.infer<typeof Texts> | null | undefined): LangTexts | undefined => {
    if (!t) return undefined;
    const out: LangTexts = {};
    if (t.name?.trim()) out.name = t.name.trim();
    if (t.description?.trim()) out.description = t.description.trim();
    if (t.annotation?.trim()) out.annotation = t.annotation.trim();
    if (t.description_doc?.trim()) out.descriptionDoc = t.description_doc.trim();
    return Object.keys(out).length ? out : undefined;
  };
  const result: Official = {};
  for (const lang of LANGUAGES) {
    const texts = lang === locale ? pick(own) : pick(translations?.[lang]);
    if (texts) result[lang] = texts;
  }
  return result;
}

/** Our id of a library node: CyFun drops the level prefix (`BASIC_ID.AM-1.1` is `ID.AM-1.1`). */
export function nodeIdOf(node: { urn: string; ref_id?: string | null }, known: boolean): string {
  if (node.ref_id?.trim()) {
    const ref = node.ref_id.trim();
    return known ? ref.replace(/^(BASIC|IMPORTANT|ESSENTIAL)_/, '') : ref;
  }
  return urnSlug(node.urn);
}

/** The last part of a urn, as a lowercase id. */
export function urnSlug(urn: string): string {
  const last = urn.split(':').pop() ?? urn;
  return (
    last
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[^a-z0-9]+|-+$/g, '') || 'node'
  );
}

function parse(text: string): { library: Library; doc: YAML.Document; counter: LineCounter } {
  const counter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter: counter });
  if (doc.errors.length)
    throw new LibraryImportError(
      doc.errors.map((e) => ({
        path: '',
        line: e.linePos?.[0].line,
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      })),
    );
  const parsed = Library.safeParse(doc.toJS());
  if (!parsed.success)
    throw new LibraryImportError(
      parsed.error.issues.map((i) => ({
        path: formatPath(i.path),
        line: lineOf(doc, counter, i.path),
        message: i.message,
      })),
    );
  return { library: parsed.data, doc, counter };
}

/** Reads and checks a library completely; throws LibraryImportError listing every problem. */
export function planLibrary(text: string): LibraryPlan {
  const { library, doc, counter } = parse(text);
  const fw = library.objects.framework;
  const known = KNOWN_FRAMEWORKS[fw.urn];
  const frameworkId = known?.id ?? urnSlug(fw.urn);
  const problems: LibraryProblem[] = [];
  const at = (i: number, field: string, message: string) => {
    const path = ['objects', 'framework', 'requirement_nodes', i, field];
    problems.push({ path: formatPath(path), line: lineOf(doc, counter, path), message });
  };

  const groupIds = new Set((fw.implementation_groups_definition ?? []).map((g) => g.ref_id));
  const byUrn = new Map<string, PlannedNode>();
  const ids = new Set<string>();
  const nodes: PlannedNode[] = [];
  fw.requirement_nodes.forEach((n, i) => {
    const id = nodeIdOf(n, Boolean(known));
    if (byUrn.has(n.urn)) at(i, 'urn', `urn ${n.urn} used twice`);
    if (ids.has(id)) at(i, 'ref_id', `requirement ${id} appears twice`);
    const parent = n.parent_urn ? byUrn.get(n.parent_urn) : undefined;
    if (n.parent_urn && !parent)
      at(i, 'parent_urn', `unknown parent ${n.parent_urn} (no node with that urn before this one)`);
    for (const g of n.implementation_groups ?? [])
      if (!groupIds.has(g)) at(i, 'implementation_groups', `group ${g} is not in implementation_groups_definition`);
    const texts = textsOf(n, n.translations, library.locale);
    const node: PlannedNode = {
      id,
      urn: n.urn,
      parentId: parent?.id ?? null,
      position: i,
      depth: parent ? parent.depth + 1 : 1,
      assessable: n.assessable,
      official: Object.keys(texts).length ? texts : null,
      groups: [...new Set(n.implementation_groups ?? [])],
    };
    byUrn.set(n.urn, node);
    ids.add(id);
    nodes.push(node);
  });
  if (problems.length) throw new LibraryImportError(problems);

  const name = textsOf({ name: fw.name }, fw.translations, library.locale);
  const otherKinds = Object.keys(library.objects).filter((k) => k !== 'framework');
  return {
    frameworkId,
    known: Boolean(known),
    framework: {
      urn: fw.urn,
      name: Object.fromEntries(Object.entries(name).map(([lang, t]) => [lang, t.name as string])),
      publisher: library.provider ?? '',
      edition: known?.edition ?? library.publication_date ?? '',
      kind: known?.kind ?? 'other',
      libraryVersion: library.version,
      minScore: fw.min_score ?? null,
      maxScore: fw.max_score ?? null,
      scoreDefinitions: (fw.scores_definition ?? []).map((s) => ({
        score: s.score,
        ...byField(textsOf(s, s.translations, library.locale)),
      })),
      groups: (fw.implementation_groups_definition ?? []).map((g) => ({
        id: g.ref_id,
        ...byField(textsOf(g, g.translations, library.locale)),
      })),
    },
    nodes,
    notes: otherKinds.map((k) => `objects.${k} left out: only frameworks are imported`),
  };
}

/** { en: { name, description } , nl: {...} } -> { name: { en, nl }, description: { en, nl } }. */
function byField(texts: Official): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [lang, t] of Object.entries(texts))
    for (const [field, value] of Object.entries(t ?? {})) {
      out[field] ??= {};
      out[field][lang] = value as string;
    }
  return out;
}

/** Assessable requirements per implementation group, in the order the library defines the groups. */
export function groupCounts(plan: LibraryPlan): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const g of plan.framework.groups as { id: string }[]) counts[g.id] = 0;
  for (const n of plan.nodes) if (n.assessable) for (const g of n.groups) counts[g] = (counts[g] ?? 0) + 1;
  return counts;
}
