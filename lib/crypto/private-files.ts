import fs from "node:fs";

// DATA_DIR holds the database (customer names, messages, e-mail addresses) and the key that
// decrypts every webhook URL and signing secret: no other local user may read any of it.
// Modes are set with an explicit chmod after creation, so they do not depend on the umask
// (which can only remove bits, but an inherited file or directory can carry wider ones).

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const ownedByUs = (stat: fs.Stats) => typeof process.getuid !== "function" || stat.uid === process.getuid();

/** Creates `dir` (and missing parents) owner-only; narrows an existing one of ours that is wider. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const stat = fs.statSync(dir);
  // Someone else's directory (e.g. DATA_DIR=/srv/shared owned by root) is theirs to manage.
  if ((stat.mode & 0o777) !== PRIVATE_DIR_MODE && ownedByUs(stat)) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Creates `file` empty if missing; either way leaves it readable and writable by the owner only. */
export function ensurePrivateFile(file: string): void {
  const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, PRIVATE_FILE_MODE);
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE);
  } finally {
    fs.closeSync(fd);
  }
}

/** Narrows `file` to owner-only if it exists (SQLite's -wal and -shm come and go). */
export function restrictIfPresent(file: string): void {
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
