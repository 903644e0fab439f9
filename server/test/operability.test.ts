import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// These start the real server and CLI as separate processes on the embedded database.
const SERVER = path.resolve(import.meta.dirname, '..');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'baken-ops-'));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function env(dataDir: string, port = 0) {
  const { DATABASE_URL, TEST_DATABASE_URL, NODE_ENV, ...rest } = process.env;
  void DATABASE_URL;
  void TEST_DATABASE_URL;
  void NODE_ENV;
  return { ...rest, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', INIT_CWD: SERVER };
}

async function startServer(dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: SERVER, env: env(dataDir, port) });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, port };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

function cli(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: SERVER,
    env: env(dataDir),
    encoding: 'utf8',
  });
}

async function memberCount(port: number) {
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'consulent@heidebeek.example', password: 'Baken-demo-2026!' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const session = await login.json();
  const id = session.memberships[0].bestuurId;
  const res = await fetch(`http://127.0.0.1:${port}/api/besturen/${id}/members`, { headers: { cookie } });
  return { total: (await res.json()).total as number, cookie, id, csrf: session.csrfToken as string };
}

describe('operability (embedded database)', () => {
  it('stops gracefully on SIGTERM, releasing the data folder', async () => {
    const dir = tmp();
    const { child } = await startServer(dir);
    expect(fs.existsSync(path.join(dir, 'baken.pid'))).toBe(true);
    const code = exited(child);
    child.kill('SIGTERM');
    expect(await code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'baken.pid'))).toBe(false);
  }, 90_000);

  it('backs up and restores, refusing while the server runs, and a bad file changes nothing', async () => {
    const dir = tmp();
    const backup = path.join(dir, 'backup.tar.gz');
    let server = await startServer(dir);
    const before = await memberCount(server.port);
    expect(before.total).toBeGreaterThan(0);

    const refused = cli(dir, 'backup', backup);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/in use by process/);

    let code = exited(server.child);
    server.child.kill('SIGTERM');
    await code;
    const made = cli(dir, 'backup', backup);
    expect(made.status, made.stderr).toBe(0);
    expect(fs.statSync(backup).size).toBeGreaterThan(1000);

    // A change after the backup, which the restore must undo.
    server = await startServer(dir);
    const s = await memberCount(server.port);
    const invited = await fetch(`http://127.0.0.1:${server.port}/api/besturen/${s.id}/members`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'content-type': 'application/json', 'x-csrf-token': s.csrf },
      body: JSON.stringify({ email: 'na-de-backup@heidebeek.example', displayName: 'Na de backup', role: 'lezer' }),
    });
    expect(invited.status).toBe(201);
    code = exited(server.child);
    server.child.kill('SIGTERM');
    await code;

    const garbage = path.join(dir, 'garbage.tar.gz');
    fs.writeFileSync(garbage, 'not a backup');
    const bad = cli(dir, 'restore', garbage);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/nothing was changed|not a Baken backup/);

    server = await startServer(dir);
    expect((await memberCount(server.port)).total).toBe(before.total + 1);
    code = exited(server.child);
    server.child.kill('SIGTERM');
    await code;

    const restored = cli(dir, 'restore', backup);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/previous database is kept/);
    server = await startServer(dir);
    expect((await memberCount(server.port)).total).toBe(before.total);
    code = exited(server.child);
    server.child.kill('SIGTERM');
    await code;
  }, 240_000);
});
