/**
 * The upload tokens of this browser: the receiver answers each tus upload's creation with a
 * secret for that upload (`Dvc-Upload-Token`, docs/receiver.md "Uploads"), and only a request
 * carrying it may resume, inspect or delete the upload, or put it in a submission. A cookie
 * cannot do that when the form is embedded on another site (Safari and Firefox partition or block
 * third-party cookies), so the token is kept here, by upload URL, for as long as the upload can be
 * needed: in memory, and in IndexedDB so that a reload, a restored draft or the offline outbox
 * still holds it. Kept for at most TOKEN_TTL_MS (the receiver removes unsubmitted uploads
 * sooner), and forgotten once the submission that used them was accepted.
 */
import { openDatabase, type IDBPDatabase } from '../base/idb.js';

/** The request header carrying upload tokens (a comma-separated list on a submission). */
export const UPLOAD_TOKEN_HEADER = 'Dvc-Upload-Token';
/** Longer than any receiver keeps an unsubmitted upload by default (24 h), with room to spare. */
export const TOKEN_TTL_MS = 7 * 24 * 3600_000;

const DB_NAME = 'dvc-forms-upload-tokens';
const STORE = 'tokens';

interface Row {
  url: string;
  token: string;
  savedAt: number;
}

const memory = new Map<string, Row>();
let db: Promise<IDBPDatabase> | undefined;

function open(): Promise<IDBPDatabase> {
  db ??= openDatabase(DB_NAME, 1, (d) => {
    d.createObjectStore(STORE, { keyPath: 'url' });
  }).then(async (opened) => {
    // Tokens of uploads long gone are of no use to anyone: drop them when the store opens.
    const rows = (await opened.getAll(STORE)) as Row[];
    const old = rows.filter((r) => !fresh(r as Row | undefined));
    if (old.length) {
      const tx = opened.transaction(STORE, 'readwrite');
      await Promise.all([...old.map((r) => tx.store.delete(r.url)), tx.done]);
    }
    return opened;
  });
  // A refused open is tried again next time rather than remembered.
  db.catch(() => (db = undefined));
  return db;
}

const fresh = (row: Row | undefined, now = Date.now()): row is Row =>
  !!row && typeof row.token === 'string' && now - row.savedAt < TOKEN_TTL_MS;

/** Remembers the token of the upload at `url` (absolute, as tus-js-client resolved it). */
export async function rememberUploadToken(url: string, token: string): Promise<void> {
  const row: Row = { url, token, savedAt: Date.now() };
  memory.set(url, row);
  try {
    await (await open()).put(STORE, row);
  } catch {
    // No IndexedDB (some private modes): the token lives as long as the page.
  }
}

/** The token of the upload at `url`, if this browser has it. */
export async function uploadTokenFor(url: string): Promise<string | undefined> {
  const known = memory.get(url);
  if (fresh(known)) return known.token;
  try {
    const row = (await (await open()).get(STORE, url)) as Row | undefined;
    if (fresh(row)) {
      memory.set(url, row);
      return row.token;
    }
  } catch {
    // Storage unavailable: only what the page remembers.
  }
  return undefined;
}

/** The tokens this browser holds for the uploads at `urls` (those it has none for are left out). */
export async function uploadTokensFor(urls: readonly string[]): Promise<string[]> {
  const tokens = await Promise.all([...new Set(urls)].map(uploadTokenFor));
  return tokens.filter((t): t is string => t !== undefined);
}

/** Forgets the tokens of `urls` (their uploads were submitted: they are sealed for good). */
export async function forgetUploadTokens(urls: readonly string[]): Promise<void> {
  for (const url of urls) memory.delete(url);
  try {
    const opened = await open();
    const tx = opened.transaction(STORE, 'readwrite');
    await Promise.all([...urls.map((u) => tx.store.delete(u)), tx.done]);
  } catch {
    // Nothing stored, or storage unavailable: nothing to forget.
  }
}
