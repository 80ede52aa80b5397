/**
 * `dvc-forms keygen [--out dir] [--force]`: writes an ES256 (P-256) signing key pair as JWK files
 * — `private.jwk.json` (mode 0600) and `public.jwk.json` — and prints the key's RFC 7638
 * thumbprint, which is also its `kid`. For assisted-digital or server-side signers and for
 * tests; citizens' keys are made in the browser and never leave it.
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jwkThumbprint, publicJwk } from '../../signing/jws.js';
import { getCrypto, type PlatformCryptoKeyPair } from '../../platform.js';
import type { Command } from '../main.js';
import { usageError } from './usage.js';

export const keygen: Command = async (args, io) => {
  let out = '.';
  let force = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out' && args[i + 1] !== undefined) out = args[++i]!;
    else if (a === '--force') force = true;
    else
      return usageError(
        io,
        'keygen',
        args,
        a?.startsWith('-') && a !== '--out'
          ? { kind: 'unknownOption', option: a }
          : a === '--out'
            ? { kind: 'badValue', option: a, value: undefined }
            : { kind: 'unexpected', argument: String(a) },
      );
  }
  const privatePath = join(out, 'private.jwk.json');
  const publicPath = join(out, 'public.jwk.json');
  if (!force && (existsSync(privatePath) || existsSync(publicPath))) {
    io.err(`dvc-forms keygen: ${privatePath} or ${publicPath} exists; use --force to replace it`);
    return 2;
  }
  const subtle = getCrypto().subtle;
  const pair = (await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
    'sign',
    'verify',
  ])) as PlatformCryptoKeyPair;
  const exported = await subtle.exportKey('jwk', pair.privateKey);
  const kid = await jwkThumbprint(exported);
  const pub = { ...publicJwk(exported), kid, alg: 'ES256', use: 'sig' };
  const priv = { ...pub, d: exported.d };
  try {
    mkdirSync(out, { recursive: true });
    // Created 0600 from the start (no window where others can read it); chmod covers --force
    // over an existing file, whose mode writeFileSync keeps.
    writeFileSync(privatePath, JSON.stringify(priv, null, 2) + '\n', { mode: 0o600 });
    chmodSync(privatePath, 0o600);
    writeFileSync(publicPath, JSON.stringify(pub, null, 2) + '\n', { mode: 0o644 });
  } catch (err) {
    io.err(`dvc-forms keygen: cannot write to ${out}: ${(err as Error).message}`);
    return 2;
  }
  io.out(kid);
  io.err(`Wrote ${privatePath} (keep it secret) and ${publicPath}.`);
  return 0;
};
