/**
 * Whether this test page runs in WebKit (Safari's engine): its user agent names AppleWebKit but
 * not Chrome. Only for what the engines do differently and the product cannot change
 * (docs/compatibility.md), never to skip a check.
 */
export const WEBKIT =
  /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Chromium/.test(navigator.userAgent);
