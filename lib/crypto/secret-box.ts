import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config, dataDir } from "@/lib/env";

// Webhook URLs are passwords to a company's channels, so they are stored encrypted:
// AES-256-GCM with a random 96-bit nonce, as "enc:v1:<key id>:<base64 nonce|ciphertext|tag>".
// The key comes from ALIMI_SECRET_KEY, or from DATA_DIR/secret.key (created on first use,
// mode 0600). The key id lets a running server notice that `npm run secrets -- rotate` changed it.

const PREFIX = "enc:v1:";
export const KEY_FILE = "secret.key";

interface Key {
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

/** Writes a key file atomically with owner-only permissions. */
export function writeKeyFile(text: string, file = keyFilePath()): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${text}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}

function loadKey(): Key {
  const fromEnv = config().secretKey;
  if (fromEnv) {
    const bytes = keyFromText(fromEnv);
    return { id: keyId(bytes), bytes };
  }
  const file = keyFilePath();
  if (!fs.existsSync(file)) writeKeyFile(generateKeyText(), file);
  const bytes = keyFromText(fs.readFileSync(file, "utf8"));
  return { id: keyId(bytes), bytes };
}

/** A rotation in progress leaves the new key in secret.key.next until every row uses it. */
function loadPendingKey(): Key | undefined {
  const file = `${keyFilePath()}.next`;
  if (!fs.existsSync(file)) return undefined;
  const bytes = keyFromText(fs.readFileSync(file, "utf8"));
  return { id: keyId(bytes), bytes };
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

export function encryptSecret(plain: string, key: Key = currentKey()): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, nonce);
  const sealed = Buffer.concat([nonce, cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${PREFIX}${key.id}:${sealed.toString("base64")}`;
}

export function decryptSecret(stored: string, key?: Key): string {
  if (!isEncrypted(stored)) return stored; // written before encryption existed; re-encrypted at start
  const [id, data] = stored.slice(PREFIX.length).split(":");
  let k = key ?? currentKey();
  if (!key && id !== k.id) k = currentKey(true); // the key was rotated by another process
  if (!key && id !== k.id && holder.__alimiPendingKey?.id === id) k = holder.__alimiPendingKey;
  if (id !== k.id) throw new Error(`webhook URL was encrypted with key ${id}, but the key in use is ${k.id}`);
  const sealed = Buffer.from(data, "base64");
  const decipher = createDecipheriv("aes-256-gcm", k.bytes, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]).toString("utf8");
}

export function keyFromTextForRotation(text: string): Key {
  const bytes = keyFromText(text);
  return { id: keyId(bytes), bytes };
}

export function activeKey(): Key {
  return currentKey();
}
