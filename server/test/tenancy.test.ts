import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inScope } from '../src/platform/tenancy.js';
import { createTestApp } from './support/app.js';
import { createBestuur, createUser } from './support/factories.js';

const t = await createTestApp();

describe('row-level security', () => {
  it('works as a role that is not a superuser and owns no table', async () => {
    const { rows } = await sql<{ user: string; superuser: boolean; bypass: boolean }>`
      SELECT current_user AS user, rolsuper AS superuser, rolbypassrls AS bypass
      FROM pg_roles WHERE rolname = current_user`.execute(t.db.app);
    expect(rows[0]).toEqual({ user: 'baken_app', superuser: false, bypass: false });
    const owned = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`.execute(
      t.db.app,
    );
    expect(owned.rows[0].n).toBe(0);
  });

  it('forces row-level security on every table that carries bestuur_id', async () => {
    const rows = await t.raw(`
      SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity
      FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE c.relkind = 'r' AND a.attname = 'bestuur_id' AND c.relnamespace = 'public'::regnamespace`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const r of rows)
      expect(r, String(r.relname)).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('returns no tenant rows to a query without a bestuur set', async () => {
    const a = await createBestuur(t);
    await createUser(t, { memberOf: [[a.id, 'lezer']] });
    const stored = await t.raw('SELECT count(*)::int AS n FROM memberships WHERE bestuur_id = $1', [a.id]);
    expect(stored[0].n).toBe(1);

    const bare = await t.db.app.selectFrom('memberships').select('id').where('bestuur_id', '=', a.id).execute();
    expect(bare).toEqual([]);
    const all = await t.db.app.selectFrom('audit_events').select('id').execute();
    expect(all).toEqual([]);
    const inOwn = await inScope(t.db.app, { tenantId: a.id }, (tx) =>
      tx.selectFrom('memberships').select('id').where('bestuur_id', '=', a.id).execute(),
    );
    expect(inOwn).toHaveLength(1);
  });

  it('shows one bestuur nothing of another, even without a where clause', async () => {
    const a = await createBestuur(t);
    const b = await createBestuur(t);
    await createUser(t, { memberOf: [[a.id, 'lezer']] });
    await createUser(t, { memberOf: [[b.id, 'lezer']] });
    const seen = await inScope(t.db.app, { tenantId: a.id }, (tx) =>
      tx.selectFrom('memberships').select('bestuur_id').execute(),
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((r) => r.bestuur_id))).toEqual(new Set([a.id]));
  });

  it('does not let a bestuur write into another', async () => {
    const a = await createBestuur(t);
    const b = await createBestuur(t);
    const u = await createUser(t);
    await expect(
      inScope(t.db.app, { tenantId: a.id }, (tx) =>
        tx.insertInto('memberships').values({ bestuur_id: b.id, user_id: u.id, role: 'lezer' }).execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    expect(await t.raw('SELECT 1 FROM memberships WHERE user_id = $1', [u.id])).toEqual([]);
  });

  it('keeps the audit trail append-only for the app role', async () => {
    const a = await createBestuur(t);
    await inScope(t.db.app, { tenantId: a.id }, (tx) =>
      tx
        .insertInto('audit_events')
        .values({ bestuur_id: a.id, action: 'create', object_type: 'x', object_id: '1' })
        .execute(),
    );
    await expect(
      inScope(t.db.app, { tenantId: a.id }, (tx) => tx.updateTable('audit_events').set({ object_id: '2' }).execute()),
    ).rejects.toThrow(/permission denied/);
    await expect(
      inScope(t.db.app, { tenantId: a.id }, (tx) => tx.deleteFrom('audit_events').execute()),
    ).rejects.toThrow(/permission denied/);
    const rows = await t.raw('SELECT object_id FROM audit_events WHERE bestuur_id = $1', [a.id]);
    expect(rows).toEqual([{ object_id: '1' }]);
  });

  it('does not carry the scope of one transaction into the next', async () => {
    const a = await createBestuur(t);
    await createUser(t, { memberOf: [[a.id, 'lezer']] });
    await inScope(t.db.app, { tenantId: a.id }, (tx) => tx.selectFrom('memberships').select('id').execute());
    const after = await t.db.app.selectFrom('memberships').select('id').where('bestuur_id', '=', a.id).execute();
    expect(after).toEqual([]);
  });

  it('keeps an exact audit count per bestuur that the app role can read but not change', async () => {
    const a = await createBestuur(t);
    const b = await createBestuur(t);
    for (const id of [a.id, a.id, a.id, b.id]) {
      await inScope(t.db.app, { tenantId: id }, (tx) =>
        tx
          .insertInto('audit_events')
          .values({ bestuur_id: id, action: 'create', object_type: 'x', object_id: '1' })
          .execute(),
      );
    }
    const counts = await t.raw(
      `SELECT c.bestuur_id, c.n::int AS n, (SELECT count(*)::int FROM audit_events e WHERE e.bestuur_id = c.bestuur_id) AS real
       FROM audit_event_counts c WHERE c.bestuur_id = ANY($1)`,
      [[a.id, b.id]],
    );
    expect(counts.map((c) => [c.n, c.real]).sort()).toEqual([
      [1, 1],
      [3, 3],
    ]);
    const seen = await inScope(t.db.app, { tenantId: a.id }, (tx) =>
      tx.selectFrom('audit_event_counts').selectAll().execute(),
    );
    expect(seen).toEqual([{ bestuur_id: a.id, n: 3 }]);
    await expect(
      inScope(t.db.app, { tenantId: a.id }, (tx) => tx.updateTable('audit_event_counts').set({ n: 0 }).execute()),
    ).rejects.toThrow(/permission denied/);
  });
});
