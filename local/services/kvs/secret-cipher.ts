import crypto from 'node:crypto';
import type { Db } from '../../data/db';

export interface SecretCipher {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
}

const FORMAT = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for kvs.setSecret values. Forge keeps secrets encrypted at rest; here the key lives in the
 * same SQLite file (kvs_meta), so this is not protection against someone holding the file. What it does
 * is keep credentials out of plain-text dumps, greps and screenshots of the sandbox database.
 * `context` (namespace + key) is bound in as additional data, so a sealed value copied onto another key
 * fails to open instead of silently answering for the wrong key.
 */
export function createSecretCipher(db: Db): SecretCipher {
  db.exec('CREATE TABLE IF NOT EXISTS kvs_meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)');
  // INSERT OR IGNORE then SELECT: two hosts opening a fresh file at once still agree on one key.
  db.prepare("INSERT OR IGNORE INTO kvs_meta (name, value) VALUES ('secret_key', ?)").run(crypto.randomBytes(32));
  const key = db.prepare("SELECT value FROM kvs_meta WHERE name = 'secret_key'").pluck().get() as Buffer;

  return {
    seal(plain, context) {
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return FORMAT + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed, context) {
      if (!sealed.startsWith(FORMAT)) throw new Error('Unrecognised secret format in kvs_items');
      const raw = Buffer.from(sealed.slice(FORMAT.length), 'base64');
      const decipher = crypto.createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
