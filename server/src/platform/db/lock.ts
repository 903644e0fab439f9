import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite is one process's database: a second process opening the same folder would
 * corrupt it. The server holds this lock while it runs; backup and restore check it.
 */
export function lockFile(dataDir: string) {
  return path.join(dataDir, 'baken.pid');
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a running process that holds the data folder, if any. */
export function holder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFile(dataDir), 'utf8'));
    return pid && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export class DataDirInUse extends Error {}

export function acquire(dataDir: string) {
  const other = holder(dataDir);
  if (other)
    throw new DataDirInUse(`The data folder ${dataDir} is in use by process ${other}. Stop that server first.`);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(lockFile(dataDir), String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(lockFile(dataDir), 'utf8') === String(process.pid)) fs.unlinkSync(lockFile(dataDir));
    } catch {
      // already gone
    }
  };
}
