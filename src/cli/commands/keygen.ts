/**
 * `dvc-forms keygen [--out dir] [--force] [--lang vi|en]`: writes an ES256 (P-256) signing key pair as JWK files
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
import type { Lang } from '../../procedure/types.js';
import { CLI_MESSAGES } from '../messages.js';
import { writing } from '../failure.js';

export const keygen: Command = async (args, io) => {
  let out = '.';
  let force = false;
  let lang: Lang = 'vi';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out' || a === '--lang') {
      const v = args[++i];
      if (v === undefined || (a === '--lang' && v !== 'vi' && v !== 'en'))
        return usageError(io, 'keygen', args, { kind: 'badValue', option: a, value: v });
      if (a === '--out') out = v;
      else lang = v as Lang;
    } else if (a === '--force') force = true;
    else
      return usageError(
        io,
        'keygen',
        args,
        a.startsWith('-')
          ? { kind: 'unknownOption', option: a }
          : { kind: 'unexpected', argument: a },
      );
  }
  const t = CLI_MESSAGES[lang];
  const privatePath = join(out, 'private.jwk.json');
  const publicPath = join(out, 'public.jwk.json');
  if (!force && (existsSync(privatePath) || existsSync(publicPath))) {
    io.err(t.keygenExists(privatePath, publicPath));
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
  const written = writing(io, lang, privatePath, () => {
    mkdirSync(out, { recursive: true });
    // Created 0600 from the start (no window where others can read it); chmod covers --force
    // over an existing file, whose mode writeFileSync keeps.
    writeFileSync(privatePath, JSON.stringify(priv, null, 2) + '\n', { mode: 0o600 });
    chmodSync(privatePath, 0o600);
    writeFileSync(publicPath, JSON.stringify(pub, null, 2) + '\n', { mode: 0o644 });
  });
  if (!written) return 2;
  io.out(kid);
  io.err(t.keygenWrote(privatePath, publicPath));
  return 0;
};
