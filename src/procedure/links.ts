/**
 * The link allow-list. Procedure files are author text: a `legalBasis` url could send citizens to
 * a look-alike site asking for their ID number. Only hosts of the State's legal-text and
 * public-service portals are rendered as links; any other url is shown as plain text, and the
 * loader warns its author (`link-host-not-allowed`).
 */

/**
 * Hosts allowed by default: `*.gov.vn` (the domain of State agencies' sites), vbpl.vn (the
 * national database of legal documents), thuvienphapluat.vn (the most used legal-text library)
 * and dichvucong.gov.vn (the National Public Service Portal, VIETNAM.md; already covered by
 * `*.gov.vn`, listed so the list reads as documented).
 */
export const DEFAULT_LINK_HOSTS: readonly string[] = Object.freeze([
  '*.gov.vn',
  'vbpl.vn',
  'thuvienphapluat.vn',
  'dichvucong.gov.vn',
]);

/**
 * The host of an `https://` url, lower-cased, without user info, port or trailing dot; undefined
 * when the url is not https or its host is unusable (empty, percent-encoded, an IP literal in
 * brackets). Parsed by hand because the engine has no DOM/Node `URL`; the rules follow the WHATWG
 * authority syntax closely enough for an allow-list: the host is what follows the last `@`.
 */
export function linkHost(url: string): string | undefined {
  const m = /^https:\/\/([^/?#\\]*)/i.exec(url);
  if (!m) return undefined;
  const authority = m[1];
  const host = authority
    .slice(authority.lastIndexOf('@') + 1)
    .replace(/:\d*$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host)) return undefined;
  return host;
}

/**
 * Whether `host` matches an allow-list entry: `*.example.vn` matches any subdomain (not
 * example.vn itself), any other entry only itself. Entries are compared case-insensitively.
 */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((entry) => {
    const e = entry.trim().toLowerCase().replace(/\.$/, '');
    if (e.startsWith('*.')) return h.endsWith(e.slice(1)) && h.length > e.length - 1;
    return h === e;
  });
}

/**
 * Whether a procedure url may be rendered as a link: https, and its host on the allow-list
 * (`DEFAULT_LINK_HOSTS` unless the page configures its own). Components call this before
 * rendering an `<a href>`; otherwise they show the url as text.
 */
export function isAllowedLink(
  url: unknown,
  allowed: readonly string[] = DEFAULT_LINK_HOSTS,
): url is string {
  if (typeof url !== 'string') return false;
  const host = linkHost(url);
  return host !== undefined && hostAllowed(host, allowed);
}
