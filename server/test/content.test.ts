import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, contentStats, uncovered } from '../src/modules/catalog/content.check.js';
import { CONTENT_DIR, ContentError, loadContent } from '../src/modules/catalog/content.loader.js';

const content = loadContent();
const framework = (id: string) => {
  const f = content.frameworks.find((x) => x.id === id);
  if (!f) throw new Error(`framework ${id} missing`);
  return f;
};
const assessable = (id: string) => framework(id).nodes.filter((n) => n.assessable);
const atLevel = (id: string, level: string) => assessable(id).filter((n) => n.levels?.includes(level)).length;
const order = ['basic', 'important', 'essential'];
const keyUpTo = (id: string, level: string) =>
  assessable(id).filter((n) => n.keyMeasureAt && order.indexOf(n.keyMeasureAt) <= order.indexOf(level)).length;

describe('shared content', () => {
  it('is consistent: unique ids, every reference resolves, parents before children', () => {
    expect(checkContent(content)).toEqual([]);
  });

  it('has the size the programme needs', () => {
    const s = contentStats(content);
    expect(s.processes).toBeGreaterThanOrEqual(120);
    expect(s.assets).toBeGreaterThanOrEqual(350);
    expect(s.domains).toBeGreaterThanOrEqual(12);
    expect(s.measures).toBeGreaterThanOrEqual(90);
    expect(s.securityDomains).toBeGreaterThanOrEqual(12);
    expect(new Set(content.measures.map((m) => m.domain)).size).toBeGreaterThanOrEqual(12);
  });

  it('covers every CyFun Basic requirement and key measure, every NIS2 area, GDPR point and KSZ domain', () => {
    expect(uncovered(content)).toEqual([]);
  });

  it('carries the CyFun structure of both editions exactly (FRAMEWORKS.md)', () => {
    expect([
      atLevel('cyfun-2023-03-01', 'basic'),
      atLevel('cyfun-2023-03-01', 'important'),
      atLevel('cyfun-2023-03-01', 'essential'),
    ]).toEqual([34, 142, 221]);
    expect(assessable('cyfun-2023-03-01')).toHaveLength(221);
    expect(order.map((l) => keyUpTo('cyfun-2023-03-01', l))).toEqual([13, 21, 29]);
    expect([
      atLevel('cyfun-2025', 'basic'),
      atLevel('cyfun-2025', 'important'),
      atLevel('cyfun-2025', 'essential'),
    ]).toEqual([34, 133, 218]);
    expect(assessable('cyfun-2025')).toHaveLength(218);
    expect(order.map((l) => keyUpTo('cyfun-2025', l))).toEqual([13, 22, 29]);
  });

  it('has NIS2 21(2) a–j, GDPR 32(1) a–d, the 11 KSZ domains and a landing-zone baseline of 25 or more', () => {
    expect(assessable('nis2-art21').map((n) => n.id)).toEqual('abcdefghij'.split('').map((l) => `21.2.${l}`));
    expect(assessable('gdpr-art32').map((n) => n.id)).toEqual('abcd'.split('').map((l) => `32.1.${l}`));
    expect(assessable('ksz-minimum-norms')).toHaveLength(11);
    expect(assessable('cloud-landing-zone').length).toBeGreaterThanOrEqual(25);
  });

  it('classifies every information asset with a reason, and gives every process a risk', () => {
    for (const p of content.processes) {
      expect(p.risks.length, p.id).toBeGreaterThan(0);
      for (const a of p.assets) {
        for (const v of [a.class.c, a.class.i, a.class.a]) expect(v, a.id).toBeGreaterThanOrEqual(1);
        expect(a.reason.nl.length, a.id).toBeGreaterThan(5);
        expect(a.reason.en.length, a.id).toBeGreaterThan(5);
      }
    }
  });

  it('has measures whose class rules rise with the class: something applies always, more from class 3', () => {
    expect(content.measures.some((m) => m.applies === 'always')).toBe(true);
    const from = (k: 'c' | 'i' | 'a') => content.measures.filter((m) => m.applies !== 'always' && m.applies[k] != null);
    for (const k of ['c', 'i', 'a'] as const) expect(from(k).length, k).toBeGreaterThan(0);
  });

  it('has a threat catalogue of 40 or more threats, each with the qualities it hits and measures against it', () => {
    expect(content.threats.length).toBeGreaterThanOrEqual(40);
    const codes = new Set(content.measures.map((m) => m.code));
    for (const x of content.threats) {
      expect(x.affects.length, x.id).toBeGreaterThan(0);
      expect(x.measures.length, x.id).toBeGreaterThan(0);
      expect(
        x.measures.every((c) => codes.has(c)),
        x.id,
      ).toBe(true);
      expect(
        x.name.nl.length * x.name.en.length * x.description.nl.length * x.description.en.length,
        x.id,
      ).toBeGreaterThan(0);
    }
    // The threats the issue names.
    for (const id of ['ransomware', 'phishing', 'supplier-outage', 'insider-misuse', 'paper-loss'])
      expect(content.threats.map((x) => x.id)).toContain(id);
    for (const q of ['c', 'i', 'a'] as const) expect(content.threats.some((x) => x.affects.includes(q))).toBe(true);
  });
});

describe('content problems are reported with file and place', () => {
  function brokenCopy(edit: (dir: string) => void) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-content-'));
    fs.cpSync(CONTENT_DIR, dir, { recursive: true });
    edit(dir);
    return dir;
  }

  it('names a YAML syntax error and a missing Dutch text', () => {
    const dir = brokenCopy((d) => {
      fs.writeFileSync(path.join(d, 'security-domains.yaml'), '- id: x\n  name: { nl: [unclosed\n');
      fs.writeFileSync(path.join(d, 'application-kinds.yaml'), '- id: zonder-nl\n  name: { en: Only English }\n');
    });
    let error: unknown;
    try {
      loadContent(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems;
    expect(problems.some((p) => p.file === 'security-domains.yaml')).toBe(true);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'application-kinds.yaml', path: '0.name.nl' }));
  });

  it('finds a threat that names a measure that does not exist', () => {
    const broken = loadContent(brokenCopy(() => undefined));
    broken.threats[0].measures.push('XX-99');
    expect(checkContent(broken)).toContainEqual(
      expect.objectContaining({ file: 'threats.yaml', path: broken.threats[0].id, message: 'unknown measure XX-99' }),
    );
  });

  it('finds a mapping to a requirement that does not exist', () => {
    const dir = brokenCopy(() => undefined);
    const broken = loadContent(dir);
    broken.measures[0].mappings.push({ framework: 'nis2-art21', requirement: '21.2.z', relationship: 'equal' });
    expect(checkContent(broken)).toContainEqual(
      expect.objectContaining({ path: broken.measures[0].code, message: 'unknown requirement nis2-art21:21.2.z' }),
    );
  });
});

describe('npm run cli -- content-stats --json', () => {
  it('prints the counts and the uncovered requirements as JSON', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'content-stats', '--json'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const stats = JSON.parse(r.stdout);
    expect(Object.keys(stats).sort()).toEqual([
      'assets',
      'domains',
      'measures',
      'processes',
      'securityDomains',
      'uncovered',
    ]);
    expect(stats).toEqual(contentStats(content));
  });
});
