/**
 * What a form artefact may import its bundle from and be named after: written into the artefact's
 * own source, so nothing that could break out of its quoted string. The compiler refuses anything
 * else (src/validation/compiler.ts `formArtefact`) and the CLI says it first in the author's words
 * (src/cli/commands/compile.ts): one rule for both.
 */

/** `--bundle`: a root-relative, relative or https URL, without spaces, quotes or backslashes. */
export const BUNDLE_URL = /^(\.{0,2}\/|https:\/\/)[^\s"'\\]*$/;

/** The procedure's file name as the page's form names it: a plain name, no folder. */
export const PLAIN_FILE_NAME = /^[^\s"'\\/]+$/;
