import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const storiesDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'stories');

/**
 * test/browser/stories.test.ts runs every story through axe, but web-test-runner cannot glob, so
 * it imports stories/index.ts. Refuse to start when a story file is missing from that index, so a
 * new story cannot skip the accessibility tests (CI runs `npm run build-storybook`).
 */
function assertStoryIndex(): void {
  const index = readFileSync(join(storiesDir, 'index.ts'), 'utf8');
  const missing = readdirSync(storiesDir)
    .filter((file) => file.endsWith('.stories.ts'))
    .filter((file) => !index.includes(`'./${file.replace(/\.ts$/, '.js')}'`));
  if (missing.length > 0) {
    throw new Error(`Add ${missing.join(', ')} to stories/index.ts (the story test list).`);
  }
}
assertStoryIndex();

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.@(ts|js)'],
  addons: ['@storybook/addon-a11y'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The preview iframe bundles Storybook's runtime and axe (~1.3 MB): a documentation tool, not
  // what citizens download, so Vite's 500 kB warning would only hide warnings that matter.
  viteFinal: (vite) => ({ ...vite, build: { ...vite.build, chunkSizeWarningLimit: 2000 } }),
};
export default config;
