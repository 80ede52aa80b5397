// The two browser engines tested beside Chromium (docs/compatibility.md), from Debian's packages:
//
// - Firefox: Debian's `firefox-esr`, driven over WebDriver BiDi by puppeteer-core (no
//   geckodriver: puppeteer speaks BiDi to Firefox itself).
// - WebKit: Debian's `webkit2gtk-driver` (WebKitWebDriver, classic W3C WebDriver) driving the
//   MiniBrowser of libwebkit2gtk-4.1 (the WebKitGTK engine shares its core with Safari). The
//   MiniBrowser needs a display: an Xvfb of our own (`xvfb`).
//
// Like scripts/chromium.mjs, a missing browser is installed with apt when we run as root on a
// Debian-like system (no test tool may download a browser build of its own); otherwise the
// message says what to install. $FIREFOX_PATH, $WEBKIT_DRIVER_PATH and $WEBKIT_BROWSER_PATH
// point at other builds.
import { existsSync, readdirSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

const FIREFOX = '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';

/** MiniBrowser lives in the multiarch library folder of libwebkit2gtk-4.1-0. */
function miniBrowser() {
  if (process.env.WEBKIT_BROWSER_PATH) return process.env.WEBKIT_BROWSER_PATH;
  const lib = '/usr/lib';
  const arches = existsSync(lib) ? readdirSync(lib).filter((d) => d.endsWith('-linux-gnu')) : [];
  for (const arch of arches) {
    const p = `${lib}/${arch}/webkit2gtk-4.1/MiniBrowser`;
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Installs Debian packages with apt-get when we are root on Debian; true when it worked. */
export function aptInstall(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
  if (!isRoot || !hasApt) return false;
  console.log(`Installing the Debian packages ${packages.join(', ')} with apt-get…`);
  const opts = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  const update = spawnSync('apt-get', ['update', '-q'], opts);
  if (update.status !== 0) return false;
  return spawnSync('apt-get', ['install', '-y', '-q', ...packages], opts).status === 0;
}

function need(what, packages, found) {
  let result = found();
  if (!result && aptInstall(packages)) result = found();
  if (result) return result;
  console.error(
    `The ${what} tests need ${packages.join(', ')}: install them (on Debian: apt-get install ${packages.join(' ')}).`,
  );
  process.exit(1);
}

/** The Firefox binary, installing `firefox-esr` when allowed; exits otherwise. */
export function ensureFirefox() {
  return need('Firefox', ['firefox-esr'], () => {
    const fromEnv = process.env.FIREFOX_PATH;
    if (fromEnv && existsSync(fromEnv)) return fromEnv;
    return existsSync(FIREFOX) ? FIREFOX : undefined;
  });
}

/** WebKitWebDriver, MiniBrowser and Xvfb, installing them when allowed; exits otherwise. */
export function ensureWebKit() {
  return need('WebKit', ['webkit2gtk-driver', 'xvfb'], () => {
    const driver = process.env.WEBKIT_DRIVER_PATH ?? WEBKIT_DRIVER;
    const browser = miniBrowser();
    if (!existsSync(driver) || !browser || !existsSync(XVFB)) return undefined;
    return { driver, browser, xvfb: XVFB };
  });
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts a private Xvfb display and WebKitWebDriver on a free loopback port; `stop()` ends both.
 * The capabilities open Debian's MiniBrowser in automation mode on that display.
 */
export async function startWebKitDriver() {
  const { driver, browser, xvfb } = ensureWebKit();
  // -displayfd lets Xvfb pick a free display number and tell us which.
  const x = spawn(xvfb, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    x.stdout.on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    x.on('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  const port = await freePort();
  const wd = spawn(driver, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display },
  });
  const stop = () => {
    wd.kill();
    x.kill();
  };
  process.once('exit', stop);
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) break;
    } catch {
      await sleep(100);
    }
  }
  return {
    port,
    display,
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only: it refuses a session that asks for a
      // BiDi socket, which webdriverio asks for unless told not to.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
    },
    stop,
  };
}
