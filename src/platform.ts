/**
 * The few platform facilities the engine needs, typed structurally so src/ compiles without the
 * DOM lib or Node types. WebCrypto and TextEncoder/TextDecoder exist in every runtime we target
 * (evergreen browsers, Node >= 20, Deno, Workers); these types describe only what we call.
 */
import { DvcError, ERROR_CODE } from './errors.js';

/** A WebCrypto `CryptoKey` (only the members the engine reads). */
export interface PlatformCryptoKey {
  readonly type: string;
  readonly extractable: boolean;
  readonly algorithm: { name: string; namedCurve?: string };
  readonly usages: readonly string[];
}

/** A WebCrypto `CryptoKeyPair`, e.g. from `crypto.subtle.generateKey` or an IndexedDB record. */
export interface PlatformCryptoKeyPair {
  privateKey: PlatformCryptoKey;
  publicKey: PlatformCryptoKey;
}

/** The JWK members the engine reads or writes (RFC 7517). */
export interface JsonWebKeyLike {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  n?: string;
  e?: string;
  k?: string;
  kid?: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
  ext?: boolean;
  [member: string]: unknown;
}

type Algorithm = { name: string; [param: string]: unknown };

/** The subset of `SubtleCrypto` the engine uses. */
export interface PlatformSubtleCrypto {
  digest(algorithm: string | Algorithm, data: Uint8Array): Promise<ArrayBuffer>;
  sign(algorithm: Algorithm, key: PlatformCryptoKey, data: Uint8Array): Promise<ArrayBuffer>;
  verify(
    algorithm: Algorithm,
    key: PlatformCryptoKey,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
  generateKey(
    algorithm: Algorithm,
    extractable: boolean,
    usages: string[],
  ): Promise<PlatformCryptoKeyPair | PlatformCryptoKey>;
  exportKey(format: 'jwk', key: PlatformCryptoKey): Promise<JsonWebKeyLike>;
  importKey(
    format: 'jwk',
    keyData: JsonWebKeyLike,
    algorithm: Algorithm,
    extractable: boolean,
    usages: string[],
  ): Promise<PlatformCryptoKey>;
}

export interface PlatformCrypto {
  readonly subtle: PlatformSubtleCrypto;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

interface PlatformGlobals {
  crypto?: PlatformCrypto;
  TextEncoder?: new () => { encode(text: string): Uint8Array };
  TextDecoder?: new (
    label?: string,
    options?: { fatal?: boolean; ignoreBOM?: boolean },
  ) => { decode(bytes: Uint8Array): string };
}

const platform = globalThis as unknown as PlatformGlobals;

/** WebCrypto of the current runtime; throws when the runtime has none (e.g. an insecure context). */
export function getCrypto(): PlatformCrypto {
  const crypto = platform.crypto;
  if (!crypto?.subtle)
    throw new DvcError(
      ERROR_CODE.invalidArgument,
      'WebCrypto (globalThis.crypto.subtle) is not available: browsers expose it only on https pages.',
    );
  return crypto;
}

/**
 * Node's `crypto.verify` and `KeyObject` (only what the verifier calls): the same OpenSSL check as
 * `subtle.verify`, synchronous and without WebCrypto's per-call work (src/verify/signature.ts).
 */
export interface NodeSignatureCrypto {
  verify(
    hash: string | null,
    data: Uint8Array,
    key: { key: unknown; dsaEncoding?: 'ieee-p1363' },
    signature: Uint8Array,
  ): boolean;
  KeyObject: { from(key: PlatformCryptoKey): unknown };
}

/** Node's `Buffer` as a base64url codec (src/verify/base64url.ts). */
export interface NativeBase64Url {
  from(
    text: string,
    encoding: 'base64url',
  ): Uint8Array & { toString(encoding: 'base64url'): string };
}

interface NodeGlobals {
  Buffer?: NativeBase64Url;
  process?: { getBuiltinModule?(id: string): unknown };
}

/**
 * Native fast paths a server runtime offers beside the portable code (Node >= 20.16; undefined in
 * browsers, Deno, Workers). Only the verifier uses them, for the same checks done natively: the
 * runtime is read here, in one place, not in the modules that use it.
 */
export const nativeServer = {
  crypto: (): NodeSignatureCrypto | undefined =>
    (platform as NodeGlobals).process?.getBuiltinModule?.('node:crypto') as
      NodeSignatureCrypto | undefined,
  base64Url: (): NativeBase64Url | undefined => (platform as NodeGlobals).Buffer,
};

/** UTF-8 bytes of a string. */
export function utf8Encode(text: string): Uint8Array {
  return new platform.TextEncoder!().encode(text);
}

/**
 * Decodes UTF-8 strictly: invalid sequences throw a TypeError instead of becoming U+FFFD, so a
 * signed byte string has exactly one text reading. A leading BOM is kept, not stripped.
 */
export function utf8DecodeStrict(bytes: Uint8Array): string {
  // One decoder: a non-streaming `decode` keeps no state between calls, even after a throw.
  strictDecoder ??= new platform.TextDecoder!('utf-8', { fatal: true, ignoreBOM: true });
  return strictDecoder.decode(bytes);
}

let strictDecoder: { decode(bytes: Uint8Array): string } | undefined;

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding (RFC 4648 §5, as JOSE uses it). */
export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64URL[n >> 18]! + B64URL[(n >> 12) & 63]! + B64URL[(n >> 6) & 63]! + B64URL[n & 63]!;
  }
  if (i < bytes.length) {
    const rest = bytes.length - i;
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out += B64URL[n >> 18]! + B64URL[(n >> 12) & 63]!;
    if (rest === 2) out += B64URL[(n >> 6) & 63]!;
  }
  return out;
}

/**
 * Strict base64url decoding: only the URL-safe alphabet, no padding, no whitespace, and no
 * non-zero trailing bits, so every byte string has exactly one accepted encoding. Returns
 * undefined for anything else.
 */
export function base64UrlDecode(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const sextet = c < 128 ? B64URL_VALUES[c]! : -1;
    // Outside the URL-safe alphabet: padding, whitespace, '+', '/', anything else.
    if (sextet < 0) return undefined;
    value = ((value << 6) | sextet) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  if ((value & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}

/** Each ASCII code's base64url value, -1 outside the alphabet. */
const B64URL_VALUES = (() => {
  const values = new Int8Array(128).fill(-1);
  for (let i = 0; i < B64URL.length; i++) values[B64URL.charCodeAt(i)] = i;
  return values;
})();
