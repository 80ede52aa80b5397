// Personal data at rest: envelope encryption with AES-256-GCM. Each dossier gets a random data
// key that encrypts its payload, its JWS and its files; the data key is stored wrapped
// (AES-256-GCM) by a master key from the configuration, with the master key's id so keys can be
// rotated (`node demo/server/clerk-admin.js rewrap`). Deleting a dossier's wrapped key makes every
// copy of its data unreadable, backups included (crypto-shredding).
// Status look-up secrets are HMAC-SHA-256 under a separate look-up key (secrets.js).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

const SEALED_PREFIX = 'dvc1.';
const FILE_MAGIC = Buffer.from('DVCENC1\n');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * @typedef {object} Keyring
 * @property {{ id: string, key: Buffer }} current master key that wraps new data keys
 * @property {Map<string, Buffer>} masters every master key still needed to unwrap
 * @property {{ id: string, key: Buffer }} lookup current status look-up HMAC key
 * @property {Map<string, Buffer>} lookups every look-up key still accepted
 * @property {string | undefined} generatedFile set when the demo generated the keys itself
 */

/**
 * Parses "id:base64,id:base64" (first = current) into keys of exactly 32 bytes.
 * @param {string} name the variable, for error messages
 * @param {string} raw
 */
export function parseKeyList(name, raw) {
  /** @type {Map<string, Buffer>} */
  const keys = new Map();
  let first = '';
  for (const item of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const i = item.indexOf(':');
    const id = item.slice(0, i);
    const key = Buffer.from(item.slice(i + 1), 'base64');
    if (i < 1 || !KEY_ID.test(id)) {
      throw new Error(
        `${name}: each key is "<id>:<base64 of 32 bytes>", id of 1–32 letters/digits`,
      );
    }
    if (key.length !== 32) throw new Error(`${name}: key "${id}" is not 32 bytes of base64`);
    if (keys.has(id)) throw new Error(`${name}: key id "${id}" appears twice`);
    keys.set(id, key);
    first ||= id;
  }
  if (!first) throw new Error(`${name}: no key`);
  return { current: { id: first, key: /** @type {Buffer} */ (keys.get(first)) }, keys };
}

/**
 * With PostgreSQL, keys generated in DATA_DIR would be each process's own (or each machine's):
 * dossiers wrapped by one process would not open on another. The receiver and the clerk commands
 * that need the keys call this before loadKeyring; the embedded SQLite file (one process) keeps
 * its generated demo keys.
 * @param {{ databaseUrl?: string, masterKeys?: string, lookupKeys?: string, dataDir?: string }} config
 */
export function requireKeysWithDatabase(config) {
  if (config.databaseUrl && (!config.masterKeys || !config.lookupKeys)) {
    // Before this check a PostgreSQL receiver generated its keys here, and its dossiers are
    // written with them: new keys would not open them (and the key check would stop the start).
    const generated = config.dataDir ? join(config.dataDir, 'keys.env') : undefined;
    const keep =
      generated && existsSync(generated)
        ? `take them from ${generated}, which a receiver before this check generated and this ` +
          "database's dossiers may be written with, move them to your secret store and delete the file"
        : 'make them once with "npm run clerk -- new-keys" and keep them in your secret store';
    throw new Error(
      `${config.masterKeys ? 'LOOKUP_KEYS' : 'MASTER_KEYS'} must be set with DATABASE_URL ` +
        '(both MASTER_KEYS and LOOKUP_KEYS, the same on every process: keys generated in ' +
        `DATA_DIR would differ from one process to the next); ${keep}`,
    );
  }
}

/**
 * The keys from MASTER_KEYS and LOOKUP_KEYS. When unset (the demo on a bare machine), keys are
 * generated once into `<dataDir>/keys.env` (0600) and reused: a warning at startup says that
 * keys beside the data protect nothing against a copy of the whole folder.
 * @param {{ dataDir: string, masterKeys?: string, lookupKeys?: string }} config
 * @returns {Keyring}
 */
export function loadKeyring(config) {
  let masterRaw = config.masterKeys;
  let lookupRaw = config.lookupKeys;
  let generatedFile;
  // One set and the other generated beside the data: an agency that set its keys believes them
  // all in its secret store, while each process or restored folder draws a look-up key (or a
  // master key) of its own. Both or neither.
  if (!masterRaw !== !lookupRaw) {
    const [set, unset] = masterRaw
      ? ['MASTER_KEYS', 'LOOKUP_KEYS']
      : ['LOOKUP_KEYS', 'MASTER_KEYS'];
    throw new Error(
      `${unset} must be set too when ${set} is (both from your secret store, or neither for ` +
        'demo keys generated in DATA_DIR/keys.env)',
    );
  }
  if (!masterRaw || !lookupRaw) {
    generatedFile = join(config.dataDir, 'keys.env');
    /** @type {Record<string, string>} */
    const stored = {};
    if (existsSync(generatedFile)) {
      for (const line of readFileSync(generatedFile, 'utf8').split('\n')) {
        const m = /^(MASTER_KEYS|LOOKUP_KEYS)=(.+)$/.exec(line.trim());
        if (m) stored[m[1]] = m[2];
      }
    }
    stored.MASTER_KEYS ??= `demo1:${randomBytes(32).toString('base64')}`;
    stored.LOOKUP_KEYS ??= `demo1:${randomBytes(32).toString('base64')}`;
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(
      generatedFile,
      `# Generated by the demo receiver: move these to your secret store and set them in the\n` +
        `# environment instead (docs/privacy.md, "Keys").\n` +
        `MASTER_KEYS=${stored.MASTER_KEYS}\nLOOKUP_KEYS=${stored.LOOKUP_KEYS}\n`,
      { mode: 0o600 },
    );
    chmodSync(generatedFile, 0o600);
    masterRaw ||= stored.MASTER_KEYS;
    lookupRaw ||= stored.LOOKUP_KEYS;
  }
  const master = parseKeyList('MASTER_KEYS', masterRaw);
  const lookup = parseKeyList('LOOKUP_KEYS', lookupRaw);
  return {
    current: master.current,
    masters: master.keys,
    lookup: lookup.current,
    lookups: lookup.keys,
    generatedFile,
  };
}

/**
 * @param {Buffer} key
 * @param {Buffer} plaintext
 * @param {string} aad binds the ciphertext to its place (a dossier code, a field)
 */
function gcmEncrypt(key, plaintext, aad) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]);
}

/**
 * @param {Buffer} key
 * @param {Buffer} sealed iv | ciphertext | tag
 * @param {string} aad
 */
function gcmDecrypt(key, sealed, aad) {
  const iv = sealed.subarray(0, IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return Buffer.concat([
    decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]);
}

/** A fresh 256-bit data key. */
export const newDataKey = () => randomBytes(32);

/**
 * @param {Keyring} keyring
 * @param {Buffer} dataKey
 * @param {string} owner e.g. the dossier code (bound as AAD: a wrapped key moved to another
 *   dossier does not unwrap)
 */
export function wrapKey(keyring, dataKey, owner) {
  const { id, key } = keyring.current;
  return {
    kekId: id,
    wrapped: gcmEncrypt(key, dataKey, `dvc-dek:${id}:${owner}`).toString('base64'),
  };
}

/**
 * @param {Keyring} keyring
 * @param {string} kekId
 * @param {string} wrapped
 * @param {string} owner
 */
export function unwrapKey(keyring, kekId, wrapped, owner) {
  const key = keyring.masters.get(kekId);
  if (!key) throw new Error(`master key "${kekId}" is not configured (MASTER_KEYS)`);
  return gcmDecrypt(key, Buffer.from(wrapped, 'base64'), `dvc-dek:${kekId}:${owner}`);
}

/**
 * @param {Buffer} dataKey
 * @param {string} text
 * @param {string} aad
 */
export function seal(dataKey, text, aad) {
  return SEALED_PREFIX + gcmEncrypt(dataKey, Buffer.from(text, 'utf8'), aad).toString('base64');
}

/** @param {unknown} value */
export const isSealed = (value) => typeof value === 'string' && value.startsWith(SEALED_PREFIX);

/**
 * @param {Buffer} dataKey
 * @param {string} sealed
 * @param {string} aad
 */
export function unseal(dataKey, sealed, aad) {
  if (!isSealed(sealed)) throw new Error('not sealed');
  return gcmDecrypt(
    dataKey,
    Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64'),
    aad,
  ).toString('utf8');
}

/**
 * Encrypts a file in place (streamed: a large file never sits in memory): `DVCENC1\n`, IV,
 * ciphertext, tag; written to a temporary file with mode 0600 and renamed over the original.
 * @param {Buffer} dataKey
 * @param {string} path
 * @param {string} aad
 */
export async function encryptFile(dataKey, path, aad) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from(aad));
  const tmp = `${path}.enc-tmp`;
  try {
    await pipeline(
      createReadStream(path),
      cipher,
      async function* (source) {
        yield FILE_MAGIC;
        yield iv;
        for await (const chunk of source) yield chunk;
        // The cipher has been flushed once its output ends: the tag is known.
        yield cipher.getAuthTag();
      },
      createWriteStream(tmp, { mode: 0o600 }),
    );
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/**
 * The plaintext of a file written by encryptFile (in memory: files are capped by
 * MAX_UPLOAD_BYTES). Throws when the file was changed.
 * @param {Buffer} dataKey
 * @param {string} path
 * @param {string} aad
 */
export function decryptFile(dataKey, path, aad) {
  return decryptFileBytes(dataKey, readFileSync(path), aad, path);
}

/**
 * decryptFile on bytes already read (from object storage).
 * @param {Buffer} dataKey
 * @param {Buffer} bytes
 * @param {string} aad
 * @param {string} name for the error message
 */
export function decryptFileBytes(dataKey, bytes, aad, name) {
  if (!bytes.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) {
    throw new Error(`${name} is not an encrypted dvc file`);
  }
  return gcmDecrypt(dataKey, bytes.subarray(FILE_MAGIC.length), aad);
}
