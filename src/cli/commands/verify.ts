/**
 * `dvc-forms verify <payload.jws> --procedure <procedure.json> [--trusted-keys keys.json]
 * [--max-age seconds] [--now ISO-time] [--lang vi|en] [--format text|json]`: verifies a signed
 * submission the way the agency's server does. Exit 0 when valid, 1 when rejected, 2 on a usage
 * or file error. Without --now the current time is used, so an old payload is reported expired.
 */
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../procedure/load.js';
import type { Lang } from '../../procedure/types.js';
import type { JsonWebKeyLike } from '../../platform.js';
import { verifySubmission, verifyMessage, type VerifyOptions } from '../../verify/index.js';
import type { CliIo, Command } from '../main.js';
import { checkPatternSyntax } from '../../procedure/pattern-check.js';
import { checkSchemaCompiles } from '../../procedure/schema-compile-check.js';
import { usageError } from './usage.js';
import { formatVnd } from '../../payment/words.js';
import { problemLine } from '../problem-line.js';
import { CLI_MESSAGES, readErrorDetail, type UsageProblem } from '../messages.js';

function readText(
  file: string,
  io: CliIo,
  lang: Lang,
): { bytes: Buffer; text: string } | undefined {
  try {
    const bytes = readFileSync(file);
    return { bytes, text: bytes.toString('utf8') };
  } catch (err) {
    io.err(CLI_MESSAGES[lang].cannotRead(file, readErrorDetail(err, lang)));
    return undefined;
  }
}

/** A JSON array of JWKs, or a JWK Set (`{"keys": [...]}`). */
function parseKeys(text: string): JsonWebKeyLike[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const keys = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { keys?: unknown }).keys)
      ? (value as { keys: unknown[] }).keys
      : undefined;
  if (!keys || !keys.every((k) => k && typeof k === 'object' && !Array.isArray(k)))
    return undefined;
  return keys as JsonWebKeyLike[];
}

export const verify: Command = async (args, io) => {
  const positional: string[] = [];
  const opts: Record<string, string> = {};
  const valued = ['--procedure', '--trusted-keys', '--max-age', '--now', '--lang', '--format'];
  const usage = (problem?: UsageProblem) => usageError(io, 'verify', args, problem);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (valued.includes(a)) {
      const v = args[++i];
      if (v === undefined) return usage({ kind: 'badValue', option: a, value: v });
      opts[a] = v;
    } else if (a.startsWith('--')) return usage({ kind: 'unknownOption', option: a });
    else positional.push(a);
  }
  if (positional.length === 0) return usage({ kind: 'missing', what: 'payload' });
  if (positional.length > 1) return usage({ kind: 'unexpected', argument: positional[1]! });
  const procedureFile = opts['--procedure'];
  if (!procedureFile) return usage({ kind: 'missing', what: '--procedure' });
  const format = opts['--format'] ?? 'text';
  if (format !== 'text' && format !== 'json')
    return usage({ kind: 'badValue', option: '--format', value: format });
  // Vietnamese by default, like lint and check.
  const lang = (opts['--lang'] ?? 'vi') as Lang;
  if (lang !== 'en' && lang !== 'vi')
    return usage({ kind: 'badValue', option: '--lang', value: lang });

  const jwsFile = readText(positional[0]!, io, lang);
  const procedureFileContent = readText(procedureFile, io, lang);
  if (!jwsFile || !procedureFileContent) return 2;
  const loaded = loadProcedure(procedureFileContent.text, {
    file: procedureFile,
    checkPattern: checkPatternSyntax,
    checkSchema: checkSchemaCompiles,
  });
  if (!loaded.ok) {
    for (const p of loaded.problems) io.err(problemLine(procedureFile, p, p.message[lang], lang));
    return 2;
  }
  const options: VerifyOptions = {
    procedure: loaded.procedure,
    procedureText: new Uint8Array(procedureFileContent.bytes),
  };
  if (opts['--trusted-keys']) {
    const file = readText(opts['--trusted-keys'], io, lang);
    if (!file) return 2;
    const keys = parseKeys(file.text);
    if (!keys)
      return usage({ kind: 'badValue', option: '--trusted-keys', value: opts['--trusted-keys'] });
    options.trustedKeys = keys;
  }
  if (opts['--max-age']) {
    const seconds = Number(opts['--max-age']);
    if (!Number.isInteger(seconds) || seconds <= 0)
      return usage({ kind: 'badValue', option: '--max-age', value: opts['--max-age'] });
    options.maxAgeSeconds = seconds;
  }
  if (opts['--now']) {
    const now = new Date(opts['--now']);
    if (Number.isNaN(now.getTime()))
      return usage({ kind: 'badValue', option: '--now', value: opts['--now'] });
    options.now = now;
  }

  // A trailing newline from an editor or `echo` is not part of the token.
  const result = await verifySubmission(jwsFile.text.replace(/\r?\n$/, ''), options);
  if (format === 'json') {
    const out = result.ok
      ? result
      : {
          ok: false,
          errors: result.errors.map((e) => ({
            ...e,
            message: verifyMessage(e.code, e.params, lang),
          })),
        };
    io.out(JSON.stringify(out, null, 2));
  } else if (result.ok) {
    const s = result.submission;
    io.out(
      lang === 'vi'
        ? `HỢP LỆ  thủ tục ${s.procedure.code} ${s.procedure.version}, khoá ${result.kid}, nộp lúc ${s.submittedAt}, lệ phí ${formatVnd(s.fee.total)}`
        : `VALID  procedure ${s.procedure.code} ${s.procedure.version}, key ${result.kid}, submitted ${s.submittedAt}, fee ${s.fee.total} VND`,
    );
  } else {
    io.out(lang === 'vi' ? 'KHÔNG HỢP LỆ' : 'REJECTED');
    for (const e of result.errors) io.out(`  ${e.code}: ${verifyMessage(e.code, e.params, lang)}`);
  }
  return result.ok ? 0 : 1;
};
