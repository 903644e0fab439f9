import { describe, expect, it } from 'vitest';
import { syncContent } from '../src/modules/catalog/catalog.service.js';
import { loadContent } from '../src/modules/catalog/content.loader.js';
import { syncPublishedList } from '../src/modules/processlist/processlist.service.js';
import { createTestApp } from './support/app.js';
import { createUser } from './support/factories.js';
import { sessionFor } from './support/fixtures.js';

const t = await createTestApp();

function recorder() {
  const lines: { level: string; msg: string }[] = [];
  return {
    lines,
    info: (_: object, msg: string) => lines.push({ level: 'info', msg }),
    warn: (_: object, msg: string) => lines.push({ level: 'warn', msg }),
  };
}
const versions = async () =>
  (await t.raw('SELECT number, source FROM process_list_versions ORDER BY number')) as {
    number: number;
    source: string;
  }[];

describe('the generic list at start', () => {
  it('publishes content/ as version 1, again only when content/ changed, and never over a coach', async () => {
    const content = loadContent();
    await syncContent(t.db.app, content);
    const log = recorder();
    await syncPublishedList(t.db.app, content, log);
    await syncPublishedList(t.db.app, content, log);
    expect(await versions()).toEqual([{ number: 1, source: 'content' }]);

    // A new release of Baken changes a default class: the next start publishes version 2.
    const [p] = content.processes;
    const release = {
      ...content,
      processes: [
        { ...p, assets: p.assets.map((a, i) => (i === 0 ? { ...a, class: { ...a.class, a: 5 } } : a)) },
        ...content.processes.slice(1),
      ],
    };
    await syncPublishedList(t.db.app, release, log);
    expect(await versions()).toEqual([
      { number: 1, source: 'content' },
      { number: 2, source: 'content' },
    ]);

    // A coach publishes version 3; a later release does not overrule it, the log says so.
    const coach = await sessionFor(t, (await createUser(t, { regionalRoles: ['coach'] })).id);
    const draft = await coach.request('POST', '/api/process-list/draft');
    const m = content.measures[0];
    const saved = await coach.request('PUT', `/api/process-list/draft/measures/${m.code}`, {
      draftVersion: draft.body.version,
      measure: { ...m, title: { ...m.title, nl: `${m.title.nl} (coach)` } },
    });
    expect(saved.status).toBe(200);
    const published = await coach.request('POST', '/api/process-list/publish', {
      draftVersion: saved.body.version,
      releaseNotes: { nl: 'Titel herzien.' },
    });
    expect(published.status).toBe(201);
    await syncContent(t.db.app, content); // content/ sets the measure's title back ...
    await syncPublishedList(t.db.app, content, log); // ... and the newest version puts the coach's back.
    expect((await versions()).map((v) => v.source)).toEqual(['content', 'content', 'draft']);
    expect(log.lines.at(-1)?.level).toBe('warn');
    const [row] = await t.raw('SELECT title FROM measures WHERE code = $1', [m.code]);
    expect((row.title as { nl: string }).nl).toBe(`${m.title.nl} (coach)`);
  });
});
