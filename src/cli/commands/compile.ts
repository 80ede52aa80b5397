/**
 * `dvc-forms compile <procedure.json> --out <dir> [--lang vi|en]`: writes the module a page under strict CSP (or
 * on a cheap phone) needs, `<code>-<version>-<hash8>.js` (with `.br` and `.gz` copies beside it),
 * and prints its path. It holds the
 * standalone validator, the procedure itself as the loader accepted it (`definition`) and the
 * SHA-256 of the file's bytes (`procedureSha256`), so `<dvc-form>` given only `.compiled` neither
 * fetches the file nor downloads the loader chunk.
 *
 * With `--form [--bundle <url>]` it writes the per-procedure artefact a form page loads as its
 * one script instead (`<code>.form-<hash8>.min.js`, named by its own content): the same module,
 * importing the bundle (default `./dvc-forms.min.js`, beside it) and handing itself to the page's
 * `<dvc-form procedure="…/<file>.json">` (README "Embed it"), and prints the page's `<head>`
 * lines after the path: the `modulepreload`s of the bundle and the chunks it needs, and its script.
 *
 * The rules are compiled too (src/rules/compiled.ts): a condition the compiler cannot turn into
 * plain code (a JSONPath `path`) is reported on stderr with its line and column, as `lint` reports a
 * warning; it is still evaluated, by json-rules-engine, never differently. Stdout holds only the
 * path (and the head lines), in any `--lang`: scripts read it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseJson } from '../../json/parse.js';
import type { Lang, Procedure } from '../../procedure/types.js';
import { createRulesFactory } from '../../rules/index.js';
import { compileProcedureModule } from '../../validation/index.js';
import { BUNDLE_URL, PLAIN_FILE_NAME } from '../../validation/artefact-names.js';
import type { CliIo } from '../main.js';
import type { Command } from '../main.js';
import { writeWithCompressedCopies } from '../compressed.js';
import { bundleDir } from './preview.js';
import { readProcedure } from './procedure-file.js';
import { usageError } from './usage.js';
import { CLI_MESSAGES, type UsageProblem } from '../messages.js';
import { problemLine } from '../problem-line.js';
import { reportCrash, writing } from '../failure.js';

/** The code of the warning for a rule the compiler leaves to json-rules-engine. */
export const RULES_NOT_COMPILED = 'rules-not-compiled';

export const compile: Command = async (args, io) => {
  let out: string | undefined;
  let form = false;
  let bundle: string | undefined;
  let lang: Lang = 'vi';
  const files: string[] = [];
  const wrong = (problem: UsageProblem) => usageError(io, 'compile', args, problem);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out' || a === '--bundle' || a === '--lang') {
      const v = args[++i];
      if (!v || (a === '--lang' && v !== 'vi' && v !== 'en'))
        return wrong({ kind: 'badValue', option: a, value: v });
      if (a === '--out') out = v;
      else if (a === '--bundle') bundle = v;
      else lang = v as Lang;
    } else if (a === '--form') form = true;
    else if (a.startsWith('-')) return wrong({ kind: 'unknownOption', option: a });
    else files.push(a);
  }
  if (files.length === 0) return wrong({ kind: 'missing', what: 'procedure' });
  if (files.length > 1) return wrong({ kind: 'unexpected', argument: files[1]! });
  if (!out) return wrong({ kind: 'missing', what: 'out' });
  if (bundle !== undefined && !form)
    return wrong({ kind: 'needs', option: '--bundle', needs: '--form' });
  // Said before compiling, in the author's words: the compiler would refuse them in English.
  if (bundle !== undefined && !BUNDLE_URL.test(bundle))
    return wrong({ kind: 'badValue', option: '--bundle', value: bundle });
  if (form && !PLAIN_FILE_NAME.test(basename(files[0]))) {
    io.err(CLI_MESSAGES[lang].formFileName(basename(files[0])));
    return 2;
  }
  // The loader refuses a file with any error problem (what `dvc-forms lint` reports as errors),
  // so a module is only ever written for a procedure the form would accept.
  const procedure = await readProcedure(files[0], io, lang);
  if (!procedure) return 2;
  reportUncompiledRules(files[0], procedure, io, lang);
  let compiled;
  try {
    // The server checks the payload's hash against the file it serves: hash the exact bytes.
    const procedureSha256 = createHash('sha256').update(readFileSync(files[0])).digest('hex');
    compiled = await compileProcedureModule(procedure, {
      procedureSha256,
      // The page's one script: the module imports the bundle and gives itself to the forms.
      ...(form
        ? { form: { bundle: bundle ?? './dvc-forms.min.js', file: basename(files[0]) } }
        : {}),
    });
  } catch (err) {
    reportCrash(io, lang, 'compile', files[0], err);
    return 1;
  }
  const path = join(out, compiled.fileName);
  const written = writing(io, lang, path, () => {
    mkdirSync(out, { recursive: true });
    // With its brotli and gzip copies: a browser downloads it (README "Serve the files compressed").
    writeWithCompressedCopies(path, compiled.source);
  });
  if (!written) return 2;
  io.out(path);
  if (form)
    printHeadTags(compiled.fileName, compiled.chunks, bundle ?? './dvc-forms.min.js', io, lang);
  return 0;
};

/**
 * Prints the `<head>` lines of the form's page, in order: a `modulepreload` for the bundle and
 * each chunk the form loads before it is ready (their names change with each release, so a
 * webmaster copies them from here rather than from an example), then the artefact's script.
 * Hrefs are relative to the --out folder, like `first-page`'s stylesheet link.
 */
function printHeadTags(
  fileName: string,
  chunks: string[],
  bundle: string,
  io: CliIo,
  lang: Lang,
): void {
  const dir = bundleDir();
  const manifest = dir && join(dir, 'chunks.json');
  if (!manifest || !existsSync(manifest)) {
    io.err(CLI_MESSAGES[lang].noChunksManifest);
    io.out(`<script type="module" src="${fileName}"></script>`);
    return;
  }
  const files = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { file: string }>;
  const bundleHref = bundle.replace(/^\.\//, '');
  const base = bundleHref.slice(0, bundleHref.lastIndexOf('/') + 1);
  for (const href of [bundleHref, ...chunks.map((c) => files[c] && base + files[c].file)])
    if (href) io.out(`<link rel="modulepreload" href="${href}" />`);
  io.out(`<script type="module" src="${fileName}"></script>`);
}

/**
 * Prints each rule condition the compiler left to json-rules-engine (with its place in the file),
 * so an author knows which rules the fast path does not cover and why: a warning line as `lint`
 * prints one, code `rules-not-compiled`. A loaded procedure only reaches the compiler's refusal of
 * a JSONPath `path`; its other refusals (the loader rejects those procedures) keep the compiler's
 * English reason.
 */
function reportUncompiledRules(file: string, procedure: Procedure, io: CliIo, lang: Lang): void {
  const { uncompiled } = createRulesFactory(procedure, { onProblem: () => {}, compiled: true });
  if (!uncompiled.length) return;
  const parsed = parseJson(readFileSync(file, 'utf8'));
  const positions = parsed.ok ? parsed.positions : new Map();
  for (const u of uncompiled) {
    const at =
      positions.get(u.pointer)?.value ?? positions.get(u.pointer.replace(/\/[^/]*$/, ''))?.value;
    const reason = u.pointer.endsWith('/path') ? CLI_MESSAGES[lang].jsonPathCondition : u.reason;
    io.err(
      problemLine(
        file,
        {
          code: RULES_NOT_COMPILED,
          severity: 'warning',
          line: at?.line ?? 1,
          column: at?.column ?? 1,
        },
        CLI_MESSAGES[lang].rulesNotCompiled(u.unit, reason),
        lang,
      ),
    );
  }
}
