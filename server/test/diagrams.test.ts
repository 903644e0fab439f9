import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DiagramInfo } from '@baken/contracts';
import { describe, expect, it } from 'vitest';
import { checkBpmn } from '../src/modules/products/bpmn-check.js';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser } from './support/factories.js';
import { auditEventsOf, sessionFor } from './support/fixtures.js';

const t = await createTestApp();
const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => fs.readFileSync(path.join(here, 'fixtures/products', name));
const BPMN = fixture('identiteitskaart.bpmn');
const XML = { 'content-type': 'application/xml' };

async function processOf(role: 'informatieveiligheidsconsulent' | 'lezer' = 'informatieveiligheidsconsulent') {
  const bestuur = await createBestuur(t);
  const isc = await sessionFor(
    t,
    (await createUser(t, { memberOf: [[bestuur.id, 'informatieveiligheidsconsulent']] })).id,
  );
  expect(
    (await isc.request('POST', `/api/besturen/${bestuur.id}/processes/adopt`, { domains: ['burgerzaken'] })).status,
  ).toBe(200);
  const [p] = await t.raw('SELECT id FROM bestuur_processes WHERE bestuur_id = $1 AND template_id = $2', [
    bestuur.id,
    'bz-identiteitskaarten',
  ]);
  const reader = await sessionFor(t, (await createUser(t, { memberOf: [[bestuur.id, 'lezer']] })).id);
  return {
    bestuur,
    agent: role === 'lezer' ? reader : isc,
    isc,
    reader,
    url: `/api/besturen/${bestuur.id}/processes/${p.id}/diagram`,
  };
}

const storedDiagrams = (bestuurId: string) =>
  t.raw('SELECT * FROM bestuur_process_diagrams WHERE bestuur_id = $1', [bestuurId]);

/** A BPMN file with the given content inside <definitions>. */
const definitions = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="https://baken.example/bpmn">${inner}</bpmn:definitions>`;

describe('attaching a BPMN diagram to a process', () => {
  it('stores a real BPMN file, serves it back as a download and describes it', async () => {
    const { bestuur, agent, reader, url } = await processOf();
    expect((await agent.request('GET', `${url}/info`)).body).toEqual({ diagram: null });
    expect((await agent.request('GET', url)).status).toBe(404);

    const res = await agent.request('PUT', `${url}?fileName=identiteitskaart.bpmn`, BPMN, XML);
    expect(res.status).toBe(200);
    const info = res.body as DiagramInfo;
    expect(info).toMatchObject({
      fileName: 'identiteitskaart.bpmn',
      size: BPMN.length,
      sha256: createHash('sha256').update(BPMN).digest('hex'),
      version: 1,
    });
    expect(info.uploadedBy?.name).toBeTruthy();

    const file = await reader.request('GET', url);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="identiteitskaart.bpmn"; filename*=UTF-8''identiteitskaart.bpmn`,
    );
    expect(file.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(file.raw.equals(BPMN)).toBe(true);
    expect((await reader.request('GET', `${url}/info`)).body).toEqual({ diagram: info });

    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({
      action: 'create',
      object_type: 'process_diagram',
      object_id: info.id,
      object_label: 'Elektronische identiteitskaarten',
    });
    expect(event.after).toMatchObject({ fileName: 'identiteitskaart.bpmn', size: BPMN.length });
  });

  it('replaces a diagram only with its current version (409 otherwise), and ignores the same file again', async () => {
    const { bestuur, agent, url } = await processOf();
    const first = (await agent.request('PUT', `${url}?fileName=a.bpmn`, BPMN, XML)).body as DiagramInfo;

    const blind = await agent.request('PUT', `${url}?fileName=b.bpmn`, BPMN, XML);
    expect(blind.status).toBe(409);
    expect(blind.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 1 } } });

    const same = await agent.request('PUT', `${url}?fileName=a.bpmn&version=1`, BPMN, XML);
    expect(same.body).toEqual(first);
    const events = (await auditEventsOf(t, bestuur.id)).length;

    const other = Buffer.from(BPMN.toString('utf8').replace('Kaart afgeleverd', 'Kaart overhandigd'));
    const replaced = await agent.request('PUT', `${url}?fileName=b.bpmn&version=1`, other, {
      'content-type': 'application/octet-stream',
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ fileName: 'b.bpmn', version: 2, id: first.id, size: other.length });
    expect((await agent.request('GET', url)).raw.equals(other)).toBe(true);
    const [event] = await auditEventsOf(t, bestuur.id);
    expect((await auditEventsOf(t, bestuur.id)).length).toBe(events + 1);
    expect(event).toMatchObject({ action: 'update', object_type: 'process_diagram' });
    expect(event.before).toMatchObject({ fileName: 'a.bpmn' });
    expect(event.after).toMatchObject({ fileName: 'b.bpmn' });

    const stale = await agent.request('PUT', `${url}?version=1`, BPMN, { 'content-type': 'text/xml' });
    expect(stale.status).toBe(409);
    expect((await storedDiagrams(bestuur.id))[0].version).toBe(2);
  });

  it('deletes a diagram with its current version, audited', async () => {
    const { bestuur, agent, url } = await processOf();
    const info = (await agent.request('PUT', url, BPMN, XML)).body as DiagramInfo;
    expect(info.fileName).toBe('diagram.bpmn');
    expect((await agent.request('DELETE', `${url}?version=2`)).status).toBe(409);
    expect(await storedDiagrams(bestuur.id)).toHaveLength(1);
    expect((await agent.request('DELETE', `${url}?version=1`)).status).toBe(204);
    expect(await storedDiagrams(bestuur.id)).toEqual([]);
    const [event] = await auditEventsOf(t, bestuur.id);
    expect(event).toMatchObject({ action: 'delete', object_type: 'process_diagram', object_id: info.id });
    expect((await agent.request('DELETE', `${url}?version=1`)).status).toBe(404);
    expect((await agent.request('GET', `${url}/info`)).body).toEqual({ diagram: null });
  });

  it('refuses XXE, garbage, non-BPMN XML, a file without a process and an oversized file; nothing is stored', async () => {
    const { bestuur, agent, url } = await processOf();
    const events = (await auditEventsOf(t, bestuur.id)).length;
    const refused: [Buffer | string, string][] = [
      [fixture('xxe.bpmn'), 'doctype'],
      [
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><lol>&b;</lol>',
        'doctype',
      ],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0xff, 0xfe, 0x00]), 'encoding'],
      ['dit is geen xml', 'not_xml'],
      [definitions('<bpmn:process id="P"><bpmn:task id="T"></bpmn:process>'), 'not_xml'],
      [definitions('<bpmn:process id="P" name="&geheim;" />'), 'not_xml'],
      ['<definitions xmlns="http://example.org/not-bpmn"><process id="P"/></definitions>', 'not_bpmn'],
      ['<bpmn:process xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="P"/>', 'not_bpmn'],
      [definitions('<bpmn:collaboration id="C"/>'), 'no_process'],
      ['   ', 'empty'],
    ];
    for (const [body, reason] of refused) {
      const res = await agent.request('PUT', url, body, XML);
      expect(res.status, reason).toBe(400);
      expect(res.body.code, reason).toBe('BPMN_INVALID');
      expect(res.body.details.reason, reason).toBe(reason);
    }
    const xxe = await agent.request('PUT', url, fixture('xxe.bpmn'), { ...XML, 'accept-language': 'en' });
    expect(xxe.body.message).toBe(
      'This is not a usable BPMN 2.0 file: a DOCTYPE or entity declaration is not allowed.',
    );

    const huge = Buffer.concat([BPMN, Buffer.from(`<!--${'x'.repeat(2 * 1024 * 1024)}-->`)]);
    const tooBig = await agent.request('PUT', url, huge, XML);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');

    const json = await agent.request('PUT', url, { xml: BPMN.toString('utf8') });
    expect(json.status).toBe(400);

    expect(await storedDiagrams(bestuur.id)).toEqual([]);
    expect((await auditEventsOf(t, bestuur.id)).length).toBe(events);
  });

  it('lets a lezer read but not upload or delete; an unknown process is 404', async () => {
    const { isc, reader, url, bestuur } = await processOf();
    await isc.request('PUT', url, BPMN, XML);
    expect((await reader.request('GET', url)).status).toBe(200);
    expect((await reader.request('PUT', `${url}?version=1`, BPMN, XML)).status).toBe(403);
    expect((await reader.request('DELETE', `${url}?version=1`)).status).toBe(403);
    expect(await storedDiagrams(bestuur.id)).toHaveLength(1);
    const missing = `/api/besturen/${bestuur.id}/processes/${randomUUID()}/diagram`;
    expect((await isc.request('PUT', missing, BPMN, XML)).status).toBe(404);
    expect((await isc.request('GET', `${missing}/info`)).status).toBe(404);
  });
});

describe('the BPMN check', () => {
  it('accepts a BOM and counts the processes of a collaboration', () => {
    const two = definitions('<bpmn:collaboration id="C"/><bpmn:process id="P1"/><bpmn:process id="P2"/>');
    const checked = checkBpmn(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(two)]));
    expect(checked).toMatchObject({ ok: true, processes: 2 });
    expect(checked.ok && checked.xml.startsWith('<?xml')).toBe(true);
  });

  it('locates a syntax error', () => {
    expect(checkBpmn(Buffer.from('<a>\n<b></a>'))).toMatchObject({ ok: false, reason: 'not_xml', line: 2 });
  });
});
