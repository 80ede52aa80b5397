// Finds the Chromium the browser tests drive: $CHROME_PATH, else Debian's /usr/bin/chromium.
// When neither exists and we run as root on a Debian-like system, installs the `chromium`
// package with apt (no test tool may download its own browser on these machines).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // Without these Chromium keeps dialling Google services into a closed network.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const DEBIAN_PATH = '/usr/bin/chromium';

export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync(DEBIAN_PATH)) return DEBIAN_PATH;
  return undefined;
}

/** Returns the path of a usable Chromium, installing it with apt when allowed; exits otherwise. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get') && existsSync('/etc/debian_version');
  if (isRoot && hasApt) {
    console.log('Chromium not found: installing the Debian package "chromium" with apt-get…');
    const opts = { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
    const update = spawnSync('apt-get', ['update', '-q'], opts);
    const install =
      update.status === 0
        ? spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], opts)
        : update;
    if (install.status === 0 && existsSync(DEBIAN_PATH)) return DEBIAN_PATH;
  }
  console.error(
    'The browser tests need Chromium: install it (on Debian: apt-get install chromium) or set CHROME_PATH to a Chromium or Chrome binary.',
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureChromium());
}
