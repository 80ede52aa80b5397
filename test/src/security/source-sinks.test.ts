// No HTML or code sink in the library's own source: procedure files are author text, and the
// bundle must run under `script-src 'self'; require-trusted-types-for 'script'`. The scan parses
// every source file with the TypeScript compiler and looks at identifiers and string literals,
// so comments that name a sink (to explain why it is avoided) do not count, while
// `el['innerHTML']` or an import of lit's unsafe-html directive does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCANNED = ['src', 'components'];

/** Names that parse or run strings as HTML or code. */
const SINK_NAMES = new Set([
  'innerHTML',
  'outerHTML',
  'insertAdjacentHTML',
  'createContextualFragment',
  'srcdoc',
  'unsafeHTML',
  'unsafeSVG',
  'unsafeStatic',
  'unsafeCSS',
  'eval',
  'setTimeout',
  'setInterval',
  'DOMParser',
  'parseFromString',
  'setHTMLUnsafe',
  'createPolicy',
]);
/**
 * Module specifiers of lit directives that bypass escaping. `lit/static-html.js` is not one: its
 * `literal` tag only takes constant text (the form uses it for its fixed element names), and its
 * one escape hatch, `unsafeStatic`, is caught by name above.
 */
const SINK_MODULES = /^lit(-html)?\/directives\/unsafe-(html|svg|mathml)(\.js)?$/;

/**
 * Uses that are reviewed and safe, as `file: name` → why. Keep this list short: every entry is
 * a place a reviewer must re-read when it changes.
 */
const ALLOWED: Record<string, string> = {
  // src/validation/compiler.ts only names `new Function` in comments (ajv does it, inside
  // node_modules, on pages without a strict CSP). Add entries as 'path: what' → reason.
  'components/base/styles.ts: unsafeCSS':
    "src/look.ts's constant CSS text (the fields' look, shared with the server-rendered first page, which src/ cannot take from components/), built only from string literals and SHADOW_SCOPE: never author text",
  'components/date-field/date-field.styles.ts: unsafeCSS':
    "src/look.ts's constant `dateRowLook(SHADOW_SCOPE)` (a date's text box and calendar button, shared with the light first page's placeholders), built only from string literals: never author text",
};

interface Hit {
  file: string;
  line: number;
  what: string;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'generated') continue;
      out.push(...sourceFiles(full));
    } else if (/\.(ts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function scan(file: string, text: string): Hit[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const hits: Hit[] = [];
  const at = (node: ts.Node, what: string) =>
    hits.push({
      file,
      line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      what,
    });
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) {
      const name = node.text;
      // setTimeout/setInterval are sinks only with a string argument (checked below).
      if (SINK_NAMES.has(name) && name !== 'setTimeout' && name !== 'setInterval') at(node, name);
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (SINK_NAMES.has(node.text)) at(node, `'${node.text}'`);
      if (SINK_MODULES.test(node.text)) at(node, `import ${node.text}`);
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === 'Function') at(node, 'new Function');
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      if (name === 'Function') at(node, 'Function()');
      if ((name === 'setTimeout' || name === 'setInterval') && node.arguments[0]) {
        const a = node.arguments[0];
        if (ts.isStringLiteralLike(a) || ts.isTemplateExpression(a)) at(node, `${name}(string)`);
      }
      if (
        ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        callee.expression.text === 'document' &&
        (name === 'write' || name === 'writeln')
      )
        at(node, `document.${name}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return hits;
}

test('the scanner finds each kind of sink (it would fail on a real one)', () => {
  const planted = [
    "import { unsafeHTML } from 'lit/directives/unsafe-html.js';",
    'el.innerHTML = label;',
    "el['outerHTML'] = label;",
    "el.insertAdjacentHTML('beforeend', label);",
    'document.write(label);',
    'eval(code);',
    'const f = new Function(code);',
    "setTimeout('alert(1)', 0);",
    'html`${unsafeStatic(tag)}`;',
    '// innerHTML in a comment is fine',
    'setTimeout(() => done(), 0);',
  ].join('\n');
  assert.deepEqual(
    scan('planted.ts', planted).map((h) => `${h.line} ${h.what}`),
    [
      '1 unsafeHTML',
      '1 import lit/directives/unsafe-html.js',
      '2 innerHTML',
      "3 'outerHTML'",
      '4 insertAdjacentHTML',
      '5 document.write',
      '6 eval',
      '7 new Function',
      '8 setTimeout(string)',
      '9 unsafeStatic',
    ],
  );
});

test('no innerHTML, unsafeHTML, insertAdjacentHTML, document.write or eval in src/ and components/', () => {
  const files = SCANNED.flatMap((d) => sourceFiles(join(ROOT, d)));
  assert.ok(files.length > 50, `only ${files.length} files found: is the scan root right?`);
  const all = files.flatMap((f) => scan(relative(ROOT, f), readFileSync(f, 'utf8')));
  const hits = all
    .filter((h) => !Object.hasOwn(ALLOWED, `${h.file}: ${h.what}`))
    .map((h) => `${h.file}:${h.line} ${h.what}`);
  assert.deepEqual(hits, []);
  // A stale allow-list entry would silently allow a future sink in that file.
  const used = new Set(all.map((h) => `${h.file}: ${h.what}`));
  assert.deepEqual(
    Object.keys(ALLOWED).filter((k) => !used.has(k)),
    [],
  );
});

test('the precompiled meta-schema validator has no code sink either', () => {
  const file = join(ROOT, 'src/procedure/generated/meta-validator.js');
  assert.deepEqual(
    scan('meta-validator.js', readFileSync(file, 'utf8')).map((h) => `${h.line} ${h.what}`),
    [],
  );
});
