// One line per command; each module is loaded only when its command runs.
import { registerCommand } from '../main.js';

registerCommand(
  'version',
  'print the dvc-forms version',
  async () => (await import('./version.js')).version,
);
