// One line per command; each module is loaded only when its command runs.
import { registerCommand } from '../registry.js';

registerCommand(
  'version',
  'print the dvc-forms version',
  async () => (await import('./version.js')).version,
);
registerCommand(
  'check',
  'validate answers against a procedure',
  async () => (await import('./check.js')).check,
);
registerCommand(
  'compile',
  'precompile a procedure validator for strict CSP',
  async () => (await import('./compile.js')).compile,
);
registerCommand(
  'first-page',
  "write the form's first page as plain HTML to paste inside <dvc-form>",
  async () => (await import('./first-page.js')).firstPage,
);
registerCommand(
  'verify',
  'verify a signed submission (JWS) against a procedure',
  async () => (await import('./verify.js')).verify,
);
registerCommand(
  'keygen',
  'write an ES256 signing key pair as JWK files',
  async () => (await import('./keygen.js')).keygen,
);
registerCommand(
  'lint',
  'check procedure files and report problems with line and column',
  async () => (await import('./lint.js')).lint,
);
registerCommand(
  'test',
  'run the <name>.cases.json beside each procedure',
  async () => (await import('./test.js')).test,
);
registerCommand(
  'preview',
  'serve a procedure in the form, reloading when the file changes',
  async () => (await import('./preview.js')).preview,
);
