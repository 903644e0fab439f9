// `npm start`: builds the web app when it has not been built yet, then runs the server
// (TypeScript through tsx, in this same process).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!process.env.WEB_DIST && !existsSync(join(root, 'web/dist/index.html'))) {
  console.log('Building the web app (first start only)...');
  const r = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { register } = await import('tsx/esm/api');
register();
await import('../server/src/main.ts');
