// What @web/test-runner-webdriver's commands lack, for the WebKit runs (WebKitWebDriver, classic
// WebDriver), done with WebDriver actions:
//
// - sendKeys: every key pressed and released in turn (webdriverio's keys() presses them all
//   down, then all up, a chord in which WebKit drops a repeated character), and `down`/`up`
//   (holding Shift for Shift+Tab), which the stock plugin refuses for webdriver;
//
// setViewport is not added: MiniBrowser's window cannot be narrower than 447 px of viewport, and
// under Xvfb (no window manager) a resized window no longer shows :focus-visible on keyboard
// focus in the test files that follow (the one test that sets a viewport lays the form out at
// that width itself in WebKit; docs/compatibility.md).
//
// Keys go through one key input source ("dvc-keyboard") whose state persists across actions
// within the session, so a key held by `down` modifies the presses that follow until `up`.
import { Key } from 'webdriverio';

const SOURCE = 'dvc-keyboard';
const code = (key) => (key.length > 1 && key in Key ? Key[key] : key);

/** Performs key actions through the launcher's session. */
async function keyActions(launcher, actions) {
  await launcher.driver.performActions([{ type: 'key', id: SOURCE, actions }]);
}

/** Replaces the launcher's sendKeys: each key down and up in turn, as a person types. */
export function typeKeyByKey(launcher) {
  launcher.sendKeys = (_sessionId, keys) =>
    keyActions(
      launcher,
      keys.flatMap((k) => [
        { type: 'keyDown', value: code(k) },
        { type: 'keyUp', value: code(k) },
      ]),
    );
}

/**
 * A test-runner plugin answering `send-keys` with `down` / `up` for webdriver sessions. Test runner's own command plugins come first in its list and refuse these for
 * webdriver, so at server start this one moves itself ahead of them.
 */
export function webdriverCommands(launcher) {
  const plugin = {
    name: 'dvc-webdriver-commands',
    serverStart({ config }) {
      const api = config.plugins.find((p) => p.name === 'test-runner-api');
      const list = api?.plugins;
      if (!Array.isArray(list)) throw new Error('dvc-webdriver-commands: no test-runner-api');
      const i = list.indexOf(plugin);
      if (i > 0) list.unshift(...list.splice(i, 1));
    },
    async executeCommand({ command, payload, session }) {
      if (session.browser !== launcher) return undefined;
      if (command === 'send-keys' && payload && (payload.down || payload.up)) {
        const type = payload.down ? 'keyDown' : 'keyUp';
        await keyActions(launcher, [{ type, value: code(payload.down ?? payload.up) }]);
        return true;
      }
      return undefined;
    },
  };
  return plugin;
}
