// What the clerk desk's browser tests share: signing in through the page itself, and axe run in
// the page (the context must bypass the page's CSP to inject it).
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** axe's violations on the page as it is, one line each (rule and targets); none is []. */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<unknown> } }).axe.run(),
  )) as { violations: { id: string; nodes: { target: unknown }[] }[] };
  return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** Signs `who` in on the desk page, as a clerk types it, and waits for the signed-in page. */
export async function signIn(
  page: Page,
  base: string,
  who: { username: string; password: string },
): Promise<void> {
  await page.goto(`${base}/can-bo.html`);
  await page.getByLabel('Tên đăng nhập').fill(who.username);
  await page.getByLabel('Mật khẩu').fill(who.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}
