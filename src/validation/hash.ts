import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalizeToBytes } from '../jcs/index.js';
import type { JsonSchema } from '../procedure/types.js';
import { COMPILED_FORMAT } from './runtime.js';

/**
 * SHA-256 (hex) of the RFC 8785 canonical JSON of a `data` schema and the compiled-module layout
 * version: names a compiled validator by content, and lets `createValidator` refuse a module
 * compiled from a different schema than the procedure it is given.
 */
export async function schemaHash(schema: JsonSchema): Promise<string> {
  return bytesToHex(sha256(canonicalizeToBytes({ format: COMPILED_FORMAT, schema })));
}
