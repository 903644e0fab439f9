import type { PGlite } from '@electric-sql/pglite';

/**
 * Makes one PGlite instance look like a `pg` Pool to Kysely's PostgresDialect.
 * PGlite is a single connection, so "connect" hands out that connection to one caller
 * at a time and queues the rest: transactions are serialised (docs/decisions/0002).
 */
export class PGlitePool {
  private busy = false;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly pglite: PGlite) {}

  async connect() {
    if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    let released = false;
    return {
      query: (sql: string, params?: readonly unknown[]) => this.query(sql, params),
      release: () => {
        if (released) return;
        released = true;
        const next = this.waiting.shift();
        if (next) next();
        else this.busy = false;
      },
    };
  }

  async query(sql: string, params: readonly unknown[] = []) {
    if (params.length === 0 && sql.includes(';')) {
      // Several statements in one round trip, as the simple query protocol of `pg` allows.
      const results = await this.pglite.exec(sql);
      const last = results[results.length - 1];
      return { command: 'SELECT', rowCount: last?.affectedRows ?? 0, rows: last?.rows ?? [] };
    }
    const r = await this.pglite.query(sql, params as unknown[]);
    const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'SELECT';
    return { command, rowCount: r.affectedRows ?? r.rows.length, rows: r.rows };
  }

  async end() {
    await this.pglite.close();
  }
}
