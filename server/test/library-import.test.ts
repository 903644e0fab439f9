import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importLibrary, syncContent } from '../src/modules/catalog/catalog.service.js';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { LibraryImportError, type LibraryProblem } from '../src/modules/catalog/library-import.js';
import { createTestApp } from './support/app.js';
import {
  FIXTURE_CONTENT,
  catalogChecksum,
  interopFile,
  nodeOf,
  platformAuditCount,
  repoRoot,
} from './support/catalog.js';

// The real CISO Assistant libraries are read from ../shared/interop and never copied here.
const cyfun = interopFile('ccb-cff-2023-03-01.yaml');
const nis2 = interopFile('nis2-directive.yaml');
const CYFUN = 'cyfun-2023-03-01';

const ready = cyfun.exists && nis2.exists;
const t = ready ? await createTestApp() : (undefined as never);

describe.skipIf(!ready)('importing CISO Assistant libraries', () => {
  let text: string;
  let first: Awaited<ReturnType<typeof importLibrary>>;

  beforeAll(async () => {
    text = fs.readFileSync(cyfun.file, 'utf8');
    await syncContent(t.db.app, loadContent(FIXTURE_CONTENT));
    first = await importLibrary(t.db.app, text);
  });

  /** Imports a broken variant and returns its problems, checking that nothing changed. */
  async function rejected(variant: string): Promise<LibraryProblem[]> {
    const before = { catalogue: await catalogChecksum(t), audit: await platformAuditCount(t) };
    const err = await importLibrary(t.db.app, variant).catch((e) => e);
    expect(err).toBeInstanceOf(LibraryImportError);
    expect({ catalogue: await catalogChecksum(t), audit: await platformAuditCount(t) }).toEqual(before);
    return err.problems;
  }

  it('gives the CyFun figures: 221 assessable, B 34, I 142, E 221, BK 13', async () => {
    expect(first).toMatchObject({
      framework: CYFUN,
      version: 6,
      assessable: 221,
      groups: { B: 34, I: 142, E: 221, BK: 13, IK: 21, EK: 29 },
      changed: true,
      created: false,
    });
    const [row] = await t.raw(
      `SELECT count(*) FILTER (WHERE assessable)::int AS assessable,
              count(*) FILTER (WHERE assessable AND 'B' = ANY(groups))::int AS b,
              count(*) FILTER (WHERE assessable AND 'BK' = ANY(groups))::int AS bk
       FROM framework_nodes WHERE framework_id = $1 AND retired_at IS NULL`,
      [CYFUN],
    );
    expect(row).toEqual({ assessable: 221, b: 34, bk: 13 });
  });

  it('attaches the official texts in Dutch, English and French and keeps our titles', async () => {
    const node = await nodeOf(t, CYFUN, 'ID.AM-1.1');
    expect(node?.official.nl.description).toMatch(/^Een inventaris van activa in verband met informatie/);
    expect(node?.official.en.description).toMatch(/^An inventory of assets/);
    expect(node?.official.fr.description).toMatch(/^Un inventaire des actifs/);
    expect(node?.official.en.annotation).toContain('IT asset management tool');
    expect(node).toMatchObject({
      groups: ['B', 'I', 'E'],
      title: { nl: 'Inventaris van toestellen', en: 'Device inventory' },
    });
    // A requirement content/ does not have yet: created from the library, without a title of ours.
    expect(await nodeOf(t, CYFUN, 'ID.AM-1.4')).toMatchObject({ title: null, parent_id: 'ID.AM-1', depth: 4 });
    expect((await nodeOf(t, CYFUN, 'ID.AM'))?.official.nl.name).toBe('Vermogensbeheer');
  });

  it('uses our requirement ids: the library ref ids without their level prefix', async () => {
    const tsv = path.resolve(repoRoot, '../shared/reference/cyfun_requirements.tsv');
    const ids = await t.raw('SELECT id FROM framework_nodes WHERE framework_id = $1 AND assessable', [CYFUN]);
    const expected = fs
      .readFileSync(tsv, 'utf8')
      .split('\n')
      .map((l) => l.split('\t'))
      .filter((c) => c[0] === CYFUN)
      .map((c) => c[2]);
    expect(expected).toHaveLength(221);
    expect(ids.map((r) => r.id).sort()).toEqual(expected.sort());
  });

  it('stores the 1-5 scores with their documentation variant, and the group names', async () => {
    const [fw] = (await t.raw('SELECT * FROM frameworks WHERE id = $1', [CYFUN])) as Record<string, any>[];
    expect(fw).toMatchObject({
      urn: 'urn:intuitem:risk:framework:ccb-cff-2023-03-01',
      library_version: 6,
      min_score: 1,
      max_score: 5,
      source: 'content',
      name: { nl: 'CyberFundamentals 2023 (test)' },
    });
    expect(fw.score_definitions.map((s: { score: number }) => s.score)).toEqual([1, 2, 3, 4, 5]);
    expect(fw.score_definitions[0]).toMatchObject({
      name: { en: 'Initial', nl: 'Initiële' },
      description: { nl: 'Er bestaat geen standaardproces.' },
      descriptionDoc: {
        en: expect.stringMatching(/^No Process documentation/),
        nl: expect.stringMatching(/^Geen procesdocumentatie/),
      },
    });
    expect(fw.groups.find((g: { id: string }) => g.id === 'BK')).toEqual({
      id: 'BK',
      name: { en: 'basic - key measures', nl: 'basis - kernmaatregel', fr: 'basique - mesure clé' },
    });
  });

  it('records a platform-level audit event', async () => {
    const rows = await t.raw(
      "SELECT bestuur_id, action, after FROM audit_events WHERE object_type = 'framework' AND object_id = $1",
      [CYFUN],
    );
    expect(rows).toEqual([
      {
        bestuur_id: null,
        action: 'update',
        after: {
          libraryUrn: 'urn:intuitem:risk:framework:ccb-cff-2023-03-01',
          libraryVersion: 6,
          changed: true,
          retired: 0,
        },
      },
    ]);
  });

  it('changes nothing when the same version is imported again', async () => {
    const before = await catalogChecksum(t);
    const again = await importLibrary(t.db.app, text);
    expect(again).toMatchObject({ framework: CYFUN, assessable: 221, changed: false });
    expect(await catalogChecksum(t)).toEqual(before);
  });

  it('rejects a YAML syntax error with its line', async () => {
    const lines = text.split('\n');
    lines.splice(40, 0, '    broken: [unclosed');
    const problems = await rejected(lines.join('\n'));
    expect(problems[0]).toMatchObject({ path: '', line: expect.any(Number) });
    expect(problems[0].line).toBeGreaterThanOrEqual(41);
    expect(problems[0].message).toMatch(/^YAML syntax/);
  });

  it('rejects a library without a framework', async () => {
    const problems = await rejected(text.replace(/^ {2}framework:$/m, '  frameworks:'));
    expect(problems).toEqual([expect.objectContaining({ path: 'objects.framework', line: 27 })]);
  });

  it('rejects a parent_urn that names no node, and wrong types, each at its place', async () => {
    const dangling = text.replace(
      'parent_urn: urn:intuitem:risk:req_node:ccb-cff-2023-03-01:id.am-1\n      ref_id: BASIC_ID.AM-1.1',
      'parent_urn: urn:intuitem:risk:req_node:ccb-cff-2023-03-01:nowhere\n      ref_id: BASIC_ID.AM-1.1',
    );
    expect(dangling).not.toBe(text);
    expect(await rejected(dangling)).toEqual([
      expect.objectContaining({
        path: 'objects.framework.requirement_nodes[3].parent_urn',
        line: 297,
        message: expect.stringMatching(/unknown parent .*:nowhere/),
      }),
    ]);
    const types = text.replace(/^version: 6$/m, 'version: six').replace('assessable: true', "assessable: 'yes'");
    const problems = await rejected(types);
    expect(problems.map((p) => p.path)).toEqual(['version', 'objects.framework.requirement_nodes[3].assessable']);
    expect(problems.map((p) => p.line)).toEqual([13, 295]);
  });

  it('updates texts from a newer version and retires, never deletes, a requirement it dropped', async () => {
    const start = text.indexOf('    - urn: urn:intuitem:risk:req_node:ccb-cff-2023-03-01:important_id.am-1.2\n');
    const end = text.indexOf('    - urn:', start + 10);
    const newer = (text.slice(0, start) + text.slice(end))
      .replace(/^version: 6$/m, 'version: 7')
      .replace('Een inventaris van activa in verband', 'Een bijgewerkte inventaris van activa in verband');
    const untouched = await nodeOf(t, CYFUN, 'PR.AC-1.1');

    const r = await importLibrary(t.db.app, newer);
    expect(r).toMatchObject({ version: 7, assessable: 220, changed: true, retired: 1 });
    expect((await nodeOf(t, CYFUN, 'ID.AM-1.1'))?.official.nl.description).toMatch(/^Een bijgewerkte inventaris/);
    const gone = await nodeOf(t, CYFUN, 'ID.AM-1.2');
    expect(gone?.retired_at).toBeInstanceOf(Date);
    expect(gone?.official.en.description).toBeTruthy();
    expect(await t.raw('SELECT measure_code FROM measure_mappings WHERE node_id = $1', ['ID.AM-1.2'])).toEqual([
      { measure_code: 'BM-01' },
    ]);
    expect(await nodeOf(t, CYFUN, 'PR.AC-1.1')).toEqual(untouched);
    // content/ still lists it, but whether it exists is the library's word.
    await syncContent(t.db.app, loadContent(FIXTURE_CONTENT));
    expect((await nodeOf(t, CYFUN, 'ID.AM-1.2'))?.retired_at).toBeInstanceOf(Date);
    // And an older version cannot come back over it.
    expect(await rejected(text)).toEqual([expect.objectContaining({ path: 'version' })]);
  });

  it('imports an unknown framework (NIS2) as a library framework of its own', async () => {
    const r = await importLibrary(t.db.app, fs.readFileSync(nis2.file, 'utf8'));
    expect(r).toMatchObject({ framework: 'nis2-directive', assessable: 13, changed: true, created: true, groups: {} });
    const [fw] = await t.raw("SELECT * FROM frameworks WHERE id = 'nis2-directive'");
    expect(fw).toMatchObject({
      urn: 'urn:intuitem:risk:framework:nis2-directive',
      source: 'library',
      kind: 'other',
      publisher: 'EU',
      library_version: 3,
      name: { en: 'NIS 2 directive requirements', fr: 'Directive NIS 2' },
    });
    expect(await nodeOf(t, 'nis2-directive', 'node2')).toMatchObject({ parent_id: null, depth: 1, title: null });
    const node = await nodeOf(t, 'nis2-directive', '21.2.a');
    expect(node).toMatchObject({ parent_id: '21.2', depth: 3, assessable: true, title: null });
    expect(node?.official.en.description).toBeTruthy();
    expect(node?.official.fr.description).toBeTruthy();
    expect(node?.official.de).toBeUndefined();
    const [audit] = await t.raw(
      "SELECT bestuur_id, action FROM audit_events WHERE object_type = 'framework' AND object_id = 'nis2-directive'",
    );
    expect(audit).toEqual({ bestuur_id: null, action: 'create' });
  });
});
