import { sha256 } from '@noble/hashes/sha2.js';
import { base64UrlEncode, utf8Encode } from '../platform.js';
import { FIRST_PAGE_CSS } from './styles.js';

/**
 * The file name of the first page's stylesheet, named by its content (`dvc-first-page.<hash12>.
 * css`, 12 base64url characters of its SHA-256): the demo receiver serves it under that name and
 * `dvc-forms first-page` writes it so, so a site can cache it for a year (`immutable`) and a
 * returning visitor's paint waits for no revalidation (2 s on slow 3G). A new release of the CSS
 * is a new name, so nobody keeps an old look. Synchronous (@noble/hashes, already the engine's):
 * a server computes it once at start-up, before it registers the route.
 */
export function firstPageCssFile(css: string = FIRST_PAGE_CSS): string {
  const hash = base64UrlEncode(sha256(utf8Encode(css))).slice(0, 12);
  return `dvc-first-page.${hash}.css`;
}
