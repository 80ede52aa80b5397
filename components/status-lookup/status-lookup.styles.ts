import { css } from 'lit';

export const statusLookupStyles = css`
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
  h2 {
    font-size: var(--dvc-font-size-heading, 1.5em);
    line-height: 1.25;
    margin: 0 0 calc(1em / 1.5);
  }
  h3 {
    font-size: 1.25em;
    margin: var(--dvc-space-l, 1.2em) 0 0.6em;
  }
  h2:focus,
  h3:focus {
    outline: none;
  }
  h3:focus-visible {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 2px;
  }
  p {
    margin: 0 0 1em;
  }
  button {
    min-height: 44px;
    padding: 0.5em 1.25em;
    font: inherit;
    font-weight: 700;
    color: var(--dvc-color-primary-text, #fff);
    background: var(--dvc-color-primary, #00703c);
    border: 2px solid transparent;
    cursor: pointer;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  button:focus-visible {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 0;
  }
  dl {
    margin: 0;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0 0 0.75em;
  }
  .status {
    display: inline-block;
    padding: 0.125em 0.5em;
    font-weight: 700;
    border: 2px solid currentColor;
  }
  ol {
    margin: 0;
    padding-inline-start: 1.5em;
  }
  li {
    margin-block-end: 0.75em;
  }
  .when,
  .note {
    display: block;
    color: var(--dvc-color-hint, #505a5f);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
