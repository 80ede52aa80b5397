// The `ax-tree` command: the accessibility tree Chromium exposes to assistive technology, read
// through the DevTools protocol (Accessibility.getFullAXTree), every node that is not ignored.
// Tests assert what a screen reader is given (names, descriptions, required) rather than the
// attributes meant to produce it. Chromium only: the Firefox (BiDi) and WebKit (WebDriver)
// sessions have no such call, so the tests that use it are engine gaps there
// (test/engine-gaps.json).

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function axTreePlugin() {
  return {
    name: 'dvc-ax-tree',
    async executeCommand({ command, session }) {
      if (command !== 'ax-tree') return undefined;
      if (session.browser.name !== 'Chrome') {
        throw new Error('ax-tree: Chromium only');
      }
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        return nodes
          .filter((n) => !n.ignored)
          .map((n) => ({
            role: n.role?.value ?? '',
            name: n.name?.value ?? '',
            description: n.description?.value ?? '',
            properties: Object.fromEntries(
              (n.properties ?? []).map((p) => [p.name, p.value.value ?? null]),
            ),
          }));
      } finally {
        await cdp.detach();
      }
    },
  };
}
