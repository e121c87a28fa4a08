import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config, dataDir } from "@/lib/env";
import { ensurePrivateDir, PRIVATE_FILE_MODE, restrictIfPresent } from "./private-files";

// Webhook URLs are passwords to a company's channels and signing secrets verify API requests,
// so both are stored encrypted (every such column is listed in secret-columns.ts):
// AES-256-GCM with a random 96-bit nonce, as "enc:v1:<key id>:<base64 nonce|ciphertext|tag>".
// The key comes from ALIMI_SECRET_KEY, or from DATA_DIR/secret.key (created on first use,
// mode 0600). The key id lets a running server notice that `npm run secrets -- rotate` changed it.

const PREFIX = "enc:v1:";
export const KEY_FILE = "secret.key";

export interface Key {
  id: string;
  bytes: Buffer;
}

function keyFromText(text: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-f]{64}$/i.test(trimmed)) return Buffer.from(trimmed, "hex");
  const b64 = Buffer.from(trimmed, "base64");
  if (b64.length === 32) return b64;
  // Any other passphrase works too; hashing it gives the 32 bytes AES-256 needs.
  return createHash("sha256").update(trimmed).digest();
}

const keyId = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex").slice(0, 8);

export function keyFilePath(): string {
  return path.join(dataDir(), KEY_FILE);
}

export function generateKeyText(): string {
  return randomBytes(32).toString("base64");
}

/**
 * Writes a key file atomically with owner-only permissions, synced to disk: a rotation commits
 * rows encrypted with this key right after, so the key must survive a power loss too.
 */
export function writeKeyFile(text: string, file = keyFilePath()): void {
  ensurePrivateDir(path.dirname(file));
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, "w", PRIVATE_FILE_MODE);
  try {
    fs.fchmodSync(fd, PRIVATE_FILE_MODE); // a leftover temp file keeps its old mode otherwise
    fs.writeFileSync(fd, `${text}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  renameDurably(temp, file);
}

/** rename(2), then fsync of the directory so the new name itself is on disk. */
export function renameDurably(from: string, to: string): void {
  fs.renameSync(from, to);
  const dir = fs.openSync(path.dirname(to), "r");
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

function readKeyFile(file: string): Key {
  restrictIfPresent(file); // a key file written by an older version may be world-readable
  return keyFromKeyText(fs.readFileSync(file, "utf8"));
}

function loadKey(): Key {
  const fromEnv = config().secretKey;
  if (fromEnv) return keyFromKeyText(fromEnv);
  const file = keyFilePath();
  if (!fs.existsSync(file)) writeKeyFile(generateKeyText(), file);
  return readKeyFile(file);
}

/** A rotation in progress leaves the new key in secret.key.next until every row uses it. */
function loadPendingKey(): Key | undefined {
  const file = `${keyFilePath()}.next`;
  return fs.existsSync(file) ? readKeyFile(file) : undefined;
}

const holder = globalThis as unknown as { __alimiKey?: Key; __alimiPendingKey?: Key };
function currentKey(reload = false): Key {
  if (reload || !holder.__alimiKey) {
    holder.__alimiKey = loadKey();
    holder.__alimiPendingKey = loadPendingKey();
  }
  return holder.__alimiKey;
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(PREFIX);
}

/**
 * The key new secrets are sealed with: read afresh (writes are rare: saving a destination,
 * creating an API key), and the pending key while a rotation is under way, so a secret saved
 * by a running server during a rotation is never left behind with a key about to be retired.
 */
function keyForWriting(): Key {
  const current = currentKey(true);
  return holder.__alimiPendingKey ?? current;
}

export function encryptSecret(plain: string, key: Key = keyForWriting()): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, nonce);
  const sealed = Buffer.concat([nonce, cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${key.id}:${sealed.toString("base64")}`;
}

/** `keys`: the only keys to try (rotation); by default the current key, then a pending one. */
export function decryptSecret(stored: string, keys?: readonly Key[]): string {
  if (!isEncrypted(stored)) return stored; // written before encryption existed; re-encrypted at start
  const [id, data] = stored.slice(PREFIX.length).split(":");
  let k = keys ? keys.find((candidate) => candidate.id === id) : currentKey();
  if (!keys && id !== k?.id) k = currentKey(true); // the key was rotated by another process
  if (!keys && id !== k?.id && holder.__alimiPendingKey?.id === id) k = holder.__alimiPendingKey;
  if (!k || id !== k.id) throw new Error(`a secret was encrypted with key ${id}, which is not the key in use`);
  const sealed = Buffer.from(data, "base64");
  const decipher = createDecipheriv("aes-256-gcm", k.bytes, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]).toString("utf8");
}

export function keyFromKeyText(text: string): Key {
  const bytes = keyFromText(text);
  return { id: keyId(bytes), bytes };
}

/** Read afresh from the environment or the key files: rotation must not trust a cached key. */
export function activeKeys(): { current: Key; pending: Key | undefined } {
  const current = currentKey(true);
  return { current, pending: holder.__alimiPendingKey };
}
