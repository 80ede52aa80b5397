import { canonicalizeToBytes } from '../jcs/index.js';
import { getCrypto, toHex, type PlatformCrypto } from '../platform.js';
import type { JsonSchema } from '../procedure/types.js';
import { COMPILED_FORMAT } from './runtime.js';

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of a `data` schema and the compiled-module layout
 * version: names a compiled validator by content, and lets `createValidator` refuse a module
 * compiled from a different schema than the procedure it is given. WebCrypto's digest where
 * there is one (browsers on https, Node); @noble/hashes, loaded only then, on an http page,
 * so a form page does not download a JavaScript SHA-256 before its first field
 * (docs/performance.md).
 */
export async function schemaHash(schema: JsonSchema): Promise<string> {
  const bytes = canonicalizeToBytes({ format: COMPILED_FORMAT, schema });
  let crypto: PlatformCrypto | undefined;
  try {
    crypto = getCrypto();
  } catch {
    crypto = undefined; // an http page: no WebCrypto
  }
  if (crypto) return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
  const { sha256 } = await import('@noble/hashes/sha2.js');
  return toHex(sha256(bytes));
}
