/**
 * `dvc-forms first-page <procedure.json> --out <dir> [--lang vi|en] [--today YYYY-MM-DD]`:
 * writes the form's first page as plain HTML (src/first-page) for a webmaster who serves static
 * pages: `<code>.first-page.<lang>.html`, a fragment to paste inside the page's `<dvc-form>`, and
 * `dvc-first-page.<hash12>.css`, the stylesheet named by its content (as the demo receiver serves
 * it, so a site may cache it for a year; with `.br` and `.gz` copies beside it), to link from the page's `<head>`; prints both paths,
 * then the `<link>` to put last in the `<head>` (the fragment's first line says it too).
 * `<dvc-form>` adopts the fragment when it is ready (README "Serve the first page with the page").
 *
 * The page is decided as the form decides it on `--today` (today in Vietnam by default): only a
 * procedure whose rules read today's date on an empty form can change it, and the fragment must
 * then be written again when that decision changes. Nothing is written when the form's first
 * question cannot be rendered plainly (a date, an address, a repeat group, a document).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_PAGE_CSS, firstPageCssFile, firstPageHtml } from '../../first-page/index.js';
import type { Lang } from '../../procedure/index.js';
import type { Command } from '../main.js';
import { writeWithCompressedCopies } from '../compressed.js';
import { writing } from '../failure.js';
import { readProcedure } from './procedure-file.js';
import { usageError } from './usage.js';
import { CLI_MESSAGES, type UsageProblem } from '../messages.js';

export const firstPage: Command = async (args, io) => {
  let out: string | undefined;
  let lang: Lang = 'vi';
  let today: string | undefined;
  const files: string[] = [];
  const wrong = (problem: UsageProblem) => usageError(io, 'first-page', args, problem);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out' || arg === '--lang' || arg === '--today') {
      const v = args[++i];
      if (
        !v ||
        (arg === '--lang' && v !== 'vi' && v !== 'en') ||
        (arg === '--today' && !/^\d{4}-\d{2}-\d{2}$/.test(v))
      )
        return wrong({ kind: 'badValue', option: arg, value: v });
      if (arg === '--out') out = v;
      else if (arg === '--lang') lang = v as Lang;
      else today = v;
    } else if (arg.startsWith('-')) return wrong({ kind: 'unknownOption', option: arg });
    else files.push(arg);
  }
  if (files.length === 0) return wrong({ kind: 'missing', what: 'procedure' });
  if (files.length > 1) return wrong({ kind: 'unexpected', argument: files[1]! });
  if (!out) return wrong({ kind: 'missing', what: 'out' });
  const procedure = await readProcedure(files[0]!, io, lang);
  if (!procedure) return 2;
  const html = await firstPageHtml(procedure, { lang, ...(today ? { today } : {}) });
  if (!html) {
    io.err(CLI_MESSAGES[lang].noPlainFirstPage(files[0]!));
    return 1;
  }
  const fragment = join(out, `${procedure.code}.first-page.${lang}.html`);
  const cssFile = firstPageCssFile(FIRST_PAGE_CSS);
  const css = join(out, cssFile);
  // The `<link>` the page needs, in the fragment itself (whoever pastes it sees which stylesheet
  // goes with it) and printed: its href is where the site serves `--out`. The name changes with
  // each release of the CSS, so a page keeps the look its fragment was written for.
  const link = `<link rel="stylesheet" href="${cssFile}" />`;
  const written = writing(io, lang, fragment, () => {
    mkdirSync(out, { recursive: true });
    writeFileSync(
      fragment,
      `<!-- dvc-forms first-page: paste inside <dvc-form>; put ${link} last in the page's head (href where you serve it) -->\n${html}\n`,
    );
    // With its brotli and gzip copies: a browser downloads it (README "Serve the files compressed").
    writeWithCompressedCopies(css, FIRST_PAGE_CSS);
  });
  if (!written) return 2;
  io.out(fragment);
  io.out(css);
  io.out(link);
  return 0;
};
