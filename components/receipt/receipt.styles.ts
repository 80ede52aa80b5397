import { css } from 'lit';

export const receiptStyles = css`
  :host {
    display: block;
    max-width: var(--dvc-max-width, 40em);
    color: var(--dvc-color-text, #1b1b1b);
    background: var(--dvc-color-bg, #fff);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  .receipt {
    border: 3px solid var(--dvc-color-primary, #00703c);
    padding: 1.25em;
  }
  h2 {
    font-size: var(--dvc-font-size-heading, 1.5em);
    line-height: 1.25;
    margin: 0 0 calc(1em / 1.5);
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 2px;
  }
  .layout {
    display: flex;
    flex-wrap: wrap;
    gap: 1em 1.5em;
    align-items: flex-start;
  }
  dl {
    flex: 1 1 16em;
    margin: 0;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0 0 0.75em;
  }
  .code {
    font-size: 1.75em;
    font-weight: 700;
    letter-spacing: 0.05em;
  }
  .hash {
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    font-size: 0.875em;
    word-break: break-all;
  }
  .note {
    display: block;
    color: var(--dvc-color-hint, #505a5f);
    font-size: 0.875em;
  }
  figure {
    margin: 0;
    width: 10em;
  }
  svg {
    display: block;
    width: 10em;
    height: 10em;
  }
  p {
    margin: 1em 0 0;
  }
  details {
    margin-block-start: calc(1em / 0.875);
    font-size: 0.875em;
  }
  summary {
    min-height: 44px;
    display: flex;
    align-items: center;
    cursor: pointer;
    color: var(--dvc-color-link, #1d70b8);
    text-decoration: underline;
  }
  summary:focus-visible {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 0;
  }
  details p {
    margin-block-start: calc(0.5em / 0.875);
  }
  button {
    min-height: 44px;
    margin-block-start: 1.5em;
    padding: 0.5em 1em;
    font: inherit;
    font-weight: 700;
    color: var(--dvc-color-text, #1b1b1b);
    background: var(--dvc-color-secondary, #f3f2f1);
    border: 2px solid var(--dvc-color-text, #1b1b1b);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 0;
  }
  .print-only {
    display: none;
  }
  @media print {
    :host {
      max-width: none;
      color: #000;
      background: #fff;
    }
    .receipt {
      border: 1px solid #000;
      break-inside: avoid;
    }
    .note {
      color: #000;
    }
    button {
      display: none;
    }
    /* A folded section cannot be opened on paper: the clerk reads the hash printed instead. */
    details {
      display: none;
    }
    .print-only {
      display: block;
    }
  }
`;

/**
 * `@page` has no effect inside a shadow root, so the A4 page size goes into the document once
 * (a constructed stylesheet: no inline <style>, fine under a strict CSP).
 */
export const PAGE_CSS = '@page { size: A4; margin: 15mm; }';
