import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importLibrary, syncContent, syncContentAtStart } from '../src/modules/catalog/catalog.service.js';
import { type Content, loadContent } from '../src/modules/catalog/content.loader.js';
import { LibraryImportError } from '../src/modules/catalog/library-import.js';
import { createTestApp } from './support/app.js';
import { FIXTURE_CONTENT, catalogChecksum, nodeOf } from './support/catalog.js';

const t = await createTestApp();
const fixture = () => loadContent(FIXTURE_CONTENT);

/** A small library of our own in the CISO Assistant format, for the CyFun urn Baken knows. */
function tinyLibrary(version: number, nlDescription = 'Een lijst van alle toestellen.') {
  return `urn: urn:intuitem:risk:library:ccb-cff-2023-03-01
locale: en
ref_id: CCB-CFF-2023-03-01
name: Tiny test library
version: ${version}
provider: CCB
objects:
  framework:
    urn: urn:intuitem:risk:framework:ccb-cff-2023-03-01
    ref_id: CCB-CFF-2023-03-01
    name: Tiny framework
    min_score: 1
    max_score: 5
    implementation_groups_definition:
    - { ref_id: B, name: basic, translations: { nl: { name: basis } } }
    requirement_nodes:
    - { urn: 'urn:x:id', assessable: false, depth: 1, ref_id: ID, name: IDENTIFY }
    - { urn: 'urn:x:id.am', assessable: false, depth: 2, parent_urn: 'urn:x:id', ref_id: ID.AM }
    - { urn: 'urn:x:id.am-1', assessable: false, depth: 3, parent_urn: 'urn:x:id.am', ref_id: ID.AM-1 }
    - urn: 'urn:x:id.am-1.1'
      assessable: true
      parent_urn: 'urn:x:id.am-1'
      ref_id: BASIC_ID.AM-1.1
      description: A list of all devices.
      implementation_groups: [B]
      translations: { nl: { description: '${nlDescription}' } }
`;
}

describe('content sync', () => {
  let first: Awaited<ReturnType<typeof syncContent>>;
  beforeAll(async () => {
    first = await syncContent(t.db.app, fixture());
  });

  it('stores frameworks, the tree, security domains, measures and mappings from content/', async () => {
    expect(first.counts).toEqual({ frameworks: 1, nodes: 9, securityDomains: 2, measures: 3, mappings: 4 });
    expect(first.changed).toBe(1 + 9 + 2 + 3 + 4);
    const [fw] = await t.raw("SELECT * FROM frameworks WHERE id = 'cyfun-2023-03-01'");
    expect(fw).toMatchObject({ source: 'content', kind: 'cyfun', publisher: 'CCB', edition: '2023-03-01', urn: null });
    expect((fw.levels as { id: string }[]).map((l) => l.id)).toEqual(['basic', 'important', 'essential']);
    expect(await nodeOf(t, 'cyfun-2023-03-01', 'ID.AM-1.1')).toMatchObject({
      parent_id: 'ID.AM-1',
      depth: 4,
      position: 3,
      assessable: true,
      title: { nl: 'Inventaris van toestellen', en: 'Device inventory' },
      levels: ['basic', 'important', 'essential'],
      key_measure_at: 'basic',
      official: null,
      retired_at: null,
    });
    const [m] = await t.raw("SELECT * FROM measures WHERE code = 'TB-02'");
    expect(m).toMatchObject({
      domain: 'access-management',
      applies: { c: 3, i: 3 },
      conditions: { personalData: true },
    });
    const maps = await t.raw(
      "SELECT node_id, relationship FROM measure_mappings WHERE measure_code = 'BM-01' ORDER BY 1",
    );
    expect(maps).toEqual([
      { node_id: 'ID.AM-1.1', relationship: 'equal' },
      { node_id: 'ID.AM-1.2', relationship: 'intersect' },
    ]);
  });

  it('changes nothing when run again: same rows, same updated_at', async () => {
    const before = await catalogChecksum(t);
    const stamps = await t.raw('SELECT id, updated_at FROM framework_nodes ORDER BY id');
    const again = await syncContent(t.db.app, fixture());
    expect(again.changed).toBe(0);
    expect(again.counts).toEqual(first.counts);
    expect(await catalogChecksum(t)).toEqual(before);
    expect(await t.raw('SELECT id, updated_at FROM framework_nodes ORDER BY id')).toEqual(stamps);
  });

  it('updates what changed, retires what disappeared and removes dropped mappings', async () => {
    const content: Content = fixture();
    const f = content.frameworks[0];
    f.nodes = f.nodes.filter((n) => n.id !== 'ID.AM-1.2');
    f.nodes[3] = { ...f.nodes[3], title: { nl: 'Inventaris', en: 'Inventory' } };
    content.measures = content.measures.filter((m) => m.code !== 'TB-02');
    const bm = content.measures.find((m) => m.code === 'BM-01');
    if (!bm) throw new Error('fixture changed');
    bm.mappings = bm.mappings.filter((x) => x.requirement !== 'ID.AM-1.2');
    const untouched = await nodeOf(t, 'cyfun-2023-03-01', 'ID.AM');

    const r = await syncContent(t.db.app, content);
    // One title, four positions after the removed node, one node retired, one measure retired,
    // two mappings gone (BM-01 -> ID.AM-1.2, TB-02 -> PR.AC-1.1).
    expect(r.changed).toBe(9);
    expect((await nodeOf(t, 'cyfun-2023-03-01', 'ID.AM-1.1'))?.title).toEqual({ nl: 'Inventaris', en: 'Inventory' });
    expect((await nodeOf(t, 'cyfun-2023-03-01', 'ID.AM-1.2'))?.retired_at).toBeInstanceOf(Date);
    expect((await t.raw("SELECT retired_at FROM measures WHERE code = 'TB-02'"))[0].retired_at).toBeInstanceOf(Date);
    expect(await t.raw("SELECT 1 FROM measure_mappings WHERE measure_code = 'TB-02'")).toEqual([]);
    expect(await nodeOf(t, 'cyfun-2023-03-01', 'ID.AM')).toEqual(untouched);
    expect((await nodeOf(t, 'cyfun-2023-03-01', 'PR.AC-1.1'))?.position).toBe(7);

    const back = await syncContent(t.db.app, fixture());
    expect(back.changed).toBe(9);
    expect((await nodeOf(t, 'cyfun-2023-03-01', 'ID.AM-1.2'))?.retired_at).toBeNull();
    expect((await t.raw("SELECT retired_at FROM measures WHERE code = 'TB-02'"))[0].retired_at).toBeNull();
  });

  it('keeps the official texts an import added, and the import keeps our titles', async () => {
    const r = await importLibrary(t.db.app, tinyLibrary(1));
    expect(r).toMatchObject({ framework: 'cyfun-2023-03-01', assessable: 1, groups: { B: 1 }, changed: true });
    const node = await nodeOf(t, 'cyfun-2023-03-01', 'ID.AM-1.1');
    expect(node?.official).toEqual({
      en: { description: 'A list of all devices.' },
      nl: { description: 'Een lijst van alle toestellen.' },
    });
    expect(node?.title).toEqual({ nl: 'Inventaris van toestellen', en: 'Device inventory' });
    expect(node?.groups).toEqual(['B']);

    const before = await catalogChecksum(t);
    expect((await syncContent(t.db.app, fixture())).changed).toBe(0);
    expect(await catalogChecksum(t)).toEqual(before);

    const content = fixture();
    content.frameworks[0].nodes[3].title = { nl: 'Toestellen', en: 'Devices' };
    await syncContent(t.db.app, content);
    const after = await nodeOf(t, 'cyfun-2023-03-01', 'ID.AM-1.1');
    expect(after?.title).toEqual({ nl: 'Toestellen', en: 'Devices' });
    expect(after?.official).toEqual(node?.official);
    expect(after?.urn).toBe('urn:x:id.am-1.1');
    const [fw] = await t.raw("SELECT source, library_version, name FROM frameworks WHERE id = 'cyfun-2023-03-01'");
    expect(fw).toMatchObject({ source: 'content', library_version: 1, name: { en: 'CyberFundamentals 2023 (test)' } });
    await syncContent(t.db.app, fixture());
  });

  it('lets a library retire only what it brought, and content/ cannot revive it', async () => {
    const r = await importLibrary(t.db.app, tinyLibrary(2, 'Een lijst van elk toestel.'));
    // The tiny library has no PR nodes and never had them: they stay as content/ made them.
    expect(r).toMatchObject({ changed: true, retired: 0 });
    expect((await nodeOf(t, 'cyfun-2023-03-01', 'ID.AM-1.1'))?.official.nl.description).toBe(
      'Een lijst van elk toestel.',
    );
    expect((await nodeOf(t, 'cyfun-2023-03-01', 'PR.AC-1.1'))?.retired_at).toBeNull();
    await expect(importLibrary(t.db.app, tinyLibrary(1))).rejects.toThrow(/older than the imported version 2/);
  });

  it('lets the app role add and change the catalogue but never delete from it', async () => {
    await expect(t.db.app.deleteFrom('framework_nodes').where('id', '=', 'PR').execute()).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.db.app.deleteFrom('measures').where('code', '=', 'TB-01').execute()).rejects.toThrow(
      /permission denied/,
    );
    const rows = await t.db.app.selectFrom('frameworks').select('id').execute();
    expect(rows).toEqual([{ id: 'cyfun-2023-03-01' }]);
  });

  it('synchronises at start only when content/ reads without problems', async () => {
    const logged: string[] = [];
    const log = {
      info: (_: object, m: string) => logged.push(`info ${m}`),
      warn: (_: object, m: string) => logged.push(`warn ${m}`),
    };
    const before = await catalogChecksum(t);
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-content-'));
    fs.writeFileSync(path.join(broken, 'security-domains.yaml'), '- id: Not An Id\n  name: { nl: x }\n');
    expect(await syncContentAtStart(t.db.app, log, broken)).toBeNull();
    fs.mkdirSync(path.join(broken, 'measures'));
    fs.writeFileSync(path.join(broken, 'security-domains.yaml'), '- { id: a, name: { nl: a, en: a } }\n');
    fs.writeFileSync(
      path.join(broken, 'measures', 'a.yaml'),
      fs.readFileSync(path.join(FIXTURE_CONTENT, 'measures/access-management.yaml')),
    );
    expect(await syncContentAtStart(t.db.app, log, broken)).toBeNull();
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'baken-content-'));
    expect(await syncContentAtStart(t.db.app, log, empty)).toBeNull();
    expect(await catalogChecksum(t)).toEqual(before);
    expect(await syncContentAtStart(t.db.app, log, FIXTURE_CONTENT)).toMatchObject({ changed: 0 });
    expect(logged).toEqual([
      'warn content/ has problems: catalogue not synchronised',
      'warn content/ has problems: catalogue not synchronised',
      'warn content/ has no frameworks or measures: catalogue not synchronised',
      'info catalogue synchronised with content/',
    ]);
    expect(await catalogChecksum(t)).toEqual(before);
  });

  it('rejects a library whose node lacks assessable, changing nothing', async () => {
    const before = await catalogChecksum(t);
    const broken = tinyLibrary(3).replace('      assessable: true\n', '');
    const err = await importLibrary(t.db.app, broken).catch((e) => e);
    expect(err).toBeInstanceOf(LibraryImportError);
    expect(err.problems).toEqual([
      expect.objectContaining({ path: 'objects.framework.requirement_nodes[3].assessable', line: 20 }),
    ]);
    expect(await catalogChecksum(t)).toEqual(before);
  });
});
