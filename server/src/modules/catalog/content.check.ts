import type { Content, ContentProblem } from './content.loader.js';

/** The requirements every harmonised measure set must cover (issue 3, content/README.md). */
export function requiredTargets(content: Content): string[] {
  const out: string[] = [];
  for (const f of content.frameworks) {
    for (const n of f.nodes) {
      if (!n.assessable) continue;
      const cyfunRequired = f.kind === 'cyfun' && (n.levels?.includes('basic') || n.keyMeasureAt !== undefined);
      if (cyfunRequired || f.kind === 'nis2' || f.kind === 'gdpr' || f.kind === 'ksz') out.push(`${f.id}:${n.id}`);
    }
  }
  return out;
}

/** Required targets that no measure maps to, as `framework:requirement`. */
export function uncovered(content: Content): string[] {
  const mapped = new Set(content.measures.flatMap((m) => m.mappings.map((x) => `${x.framework}:${x.requirement}`)));
  return requiredTargets(content).filter((t) => !mapped.has(t));
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/** Cross-file checks: unique ids, every reference resolving, the tree in order. */
export function checkContent(content: Content): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (file: string, path: string, message: string) => problems.push({ file, path, message });

  for (const id of duplicates(content.frameworks.map((f) => f.id))) add('frameworks', id, 'framework id used twice');
  const nodes: FrameworkNodes = new Map();
  for (const f of content.frameworks) {
    const seen = new Map<string, { assessable: boolean }>();
    for (const n of f.nodes) {
      if (seen.has(n.id)) add(`frameworks/${f.id}.yaml`, n.id, 'node id used twice');
      if (n.parent !== null && !seen.has(n.parent))
        add(`frameworks/${f.id}.yaml`, n.id, `parent ${n.parent} missing or after its child`);
      const levelIds = new Set((f.levels ?? []).map((l) => l.id));
      for (const l of n.levels ?? []) if (!levelIds.has(l)) add(`frameworks/${f.id}.yaml`, n.id, `unknown level ${l}`);
      seen.set(n.id, { assessable: n.assessable });
    }
    nodes.set(f.id, seen);
  }

  for (const id of duplicates(content.securityDomains.map((d) => d.id)))
    add('security-domains.yaml', id, 'id used twice');
  problems.push(...checkList(content, nodes, new Set(content.securityDomains.map((d) => d.id))));
  const codes = new Set(content.measures.map((m) => m.code));
  for (const id of duplicates(content.threats.map((x) => x.id))) add('threats.yaml', id, 'threat id used twice');
  for (const x of content.threats)
    for (const code of x.measures) if (!codes.has(code)) add('threats.yaml', x.id, `unknown measure ${code}`);
  return problems;
}

/** The requirements of each framework, by id, with whether they can be assessed. */
export type FrameworkNodes = Map<string, Map<string, { assessable: boolean }>>;

/**
 * Checks of the generic process list and the measures (content/ or a coach's draft): unique
 * ids, known security and process domains, application kinds, mappings to assessable
 * requirements.
 */
export function checkList(
  list: Pick<Content, 'measures' | 'processDomains' | 'applicationKinds' | 'processes'>,
  nodes: FrameworkNodes,
  securityDomains: Set<string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add = (file: string, path: string, message: string) => problems.push({ file, path, message });
  const content = list;
  for (const code of duplicates(content.measures.map((m) => m.code))) add('measures', code, 'measure code used twice');
  for (const m of content.measures) {
    if (!securityDomains.has(m.domain)) add(`measures/${m.domain}.yaml`, m.code, `unknown security domain ${m.domain}`);
    for (const x of m.mappings) {
      const target = nodes.get(x.framework)?.get(x.requirement);
      if (!nodes.has(x.framework)) add(`measures/${m.domain}.yaml`, m.code, `unknown framework ${x.framework}`);
      else if (!target) add(`measures/${m.domain}.yaml`, m.code, `unknown requirement ${x.framework}:${x.requirement}`);
      else if (!target.assessable)
        add(`measures/${m.domain}.yaml`, m.code, `${x.framework}:${x.requirement} is not assessable`);
    }
  }

  const processDomains = new Set(content.processDomains.map((d) => d.id));
  const kinds = new Set(content.applicationKinds.map((k) => k.id));
  for (const id of duplicates(content.processes.map((p) => p.id))) add('processes', id, 'process id used twice');
  for (const id of duplicates(content.processes.flatMap((p) => p.assets.map((a) => a.id))))
    add('processes', id, 'asset id used twice');
  for (const p of content.processes) {
    const file = `processes/${p.domain}.yaml`;
    if (!processDomains.has(p.domain)) add(file, p.id, `unknown process domain ${p.domain}`);
    for (const k of p.applications) if (!kinds.has(k)) add(file, p.id, `unknown application kind ${k}`);
  }
  return problems;
}

export interface ContentStats {
  processes: number;
  assets: number;
  domains: number;
  measures: number;
  securityDomains: number;
  uncovered: string[];
}

export function contentStats(content: Content): ContentStats {
  return {
    processes: content.processes.length,
    assets: content.processes.reduce((n, p) => n + p.assets.length, 0),
    domains: new Set(content.processes.map((p) => p.domain)).size,
    measures: content.measures.length,
    securityDomains: content.securityDomains.length,
    uncovered: uncovered(content),
  };
}
