// Wrong keys are found at start, not at the first dossier read (docs/deployment.md "Key
// rotation"). Two checks, for MASTER_KEYS and LOOKUP_KEYS alike:
// - every key id the stored data names (wrapped data keys, look-up secrets, search terms) must
//   be listed: a rotation keeps old keys listed until nothing needs them;
// - each listed key must be the one this database first saw under its id: a check record
//   (key_checks, migration 011) holds an HMAC under the key of a fixed text, written the first
//   time the id is seen. On a database from before the records, a master key is first tried on
//   one data key it wraps.
// The messages name the variable and the key id, never a key.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { unwrapKey } from './crypto-at-rest.js';

/**
 * @param {Buffer} key
 * @param {string} kind
 * @param {string} id
 */
const checkHmac = (key, kind, id) =>
  createHmac('sha256', key).update(`dvc-key-check:${kind}:${id}`).digest('hex');

/**
 * The distinct key ids in `column` of `table`, sorted: the smallest, then the next after the last
 * found, each one search of the column's index (migration 012), so a start reads a few index
 * entries however many rows name the ids (a DISTINCT reads them all).
 * @param {import('./storage/index.js').Storage} db
 * @param {string} table
 * @param {string} column
 */
async function keyIdsIn(db, table, column) {
  const first = db.prepare(`SELECT MIN(${column}) AS id FROM ${table}`);
  const next = db.prepare(`SELECT MIN(${column}) AS id FROM ${table} WHERE ${column} > ?`);
  /** @type {string[]} */
  const ids = [];
  for (
    let row = /** @type {{ id: string | null } | undefined} */ (await first.get());
    row?.id != null;
    row = /** @type {{ id: string | null } | undefined} */ (await next.get(row.id))
  ) {
    ids.push(row.id);
  }
  return ids;
}

/**
 * @param {import('./storage/index.js').Storage} db
 * @param {import('./crypto-at-rest.js').Keyring} keyring
 * @param {Date} now
 */
export async function checkKeys(db, keyring, now) {
  const from = keyring.generatedFile ? ` (the demo keys of ${keyring.generatedFile})` : '';
  const kinds = /** @type {const} */ ([
    [
      'master',
      'MASTER_KEYS',
      keyring.masters,
      [
        ['dossier_keys', 'kek_id'],
        ['upload_keys', 'kek_id'],
      ],
      'until "npm run clerk -- rewrap" has run',
    ],
    [
      'lookup',
      'LOOKUP_KEYS',
      keyring.lookups,
      [
        ['dossier_lookup_secrets', 'key_id'],
        ['dossier_search', 'key_id'],
      ],
      'until its dossiers are gone',
    ],
  ]);
  /** @type {{ kind: string, id: string, mac: string, wrong: (id: string) => Error }[]} */
  const unseen = [];
  for (const [kind, name, keys, columns, keep] of kinds) {
    /** @type {Set<string>} */
    const used = new Set();
    for (const [table, column] of columns) {
      for (const id of await keyIdsIn(db, table, column)) used.add(id);
    }
    const missing = [...used].filter((id) => !keys.has(id)).sort();
    if (missing.length) {
      throw new Error(
        `${name}${from} has no key "${missing[0]}", which this database's data was written with: ` +
          `set the keys it was written with (after a rotation an old key stays listed ${keep})`,
      );
    }
    const wrong = (/** @type {string} */ id) =>
      new Error(
        `${name}${from}: key "${id}" is not the key "${id}" this database was written with: ` +
          'set the keys it was written with (from your secret store, or those of its backup)',
      );
    for (const [id, key] of keys) {
      const mac = checkHmac(key, kind, id);
      const row = /** @type {{ check_hmac: string } | undefined} */ (
        await db
          .prepare('SELECT check_hmac FROM key_checks WHERE kind = ? AND key_id = ?')
          .get(kind, id)
      );
      if (row) {
        if (!timingSafeEqual(Buffer.from(row.check_hmac, 'hex'), Buffer.from(mac, 'hex')))
          throw wrong(id);
        continue;
      }
      if (kind === 'master') {
        const wrapped = /** @type {{ dossier_code: string, wrapped_key: string } | undefined} */ (
          await db
            .prepare('SELECT dossier_code, wrapped_key FROM dossier_keys WHERE kek_id = ? LIMIT 1')
            .get(id)
        );
        try {
          if (wrapped) unwrapKey(keyring, id, wrapped.wrapped_key, wrapped.dossier_code);
        } catch {
          throw wrong(id);
        }
      }
      unseen.push({ kind, id, mac, wrong });
    }
  }
  // Recorded only once every key passed: a refused start leaves nothing behind. Several
  // processes starting together: the first record written is the one each compares with.
  for (const { kind, id, mac, wrong } of unseen) {
    await db
      .prepare(
        'INSERT OR IGNORE INTO key_checks (kind, key_id, check_hmac, created_at) VALUES (?, ?, ?, ?)',
      )
      .run(kind, id, mac, now.toISOString());
    const row = /** @type {{ check_hmac: string }} */ (
      await db
        .prepare('SELECT check_hmac FROM key_checks WHERE kind = ? AND key_id = ?')
        .get(kind, id)
    );
    if (!timingSafeEqual(Buffer.from(row.check_hmac, 'hex'), Buffer.from(mac, 'hex')))
      throw wrong(id);
  }
}
