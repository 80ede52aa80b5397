import { css } from 'lit';

export const supplementStyles = css`
  :host {
    display: block;
    max-width: var(--dvc-max-width, 40em);
    color: var(--dvc-color-text, #1b1b1b);
    line-height: 1.5;
    overflow-wrap: anywhere;
    margin-top: var(--dvc-space-l, 1.5em);
  }
  :host([hidden]) {
    display: none;
  }
  h3 {
    font-size: 1.25em;
    margin: var(--dvc-space-l, 1.2em) 0 0.6em;
  }
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
  .subheading {
    font-weight: 700;
    margin: var(--dvc-space-l, 1.5em) 0 0.5em;
  }
  .note {
    border-left: 5px solid var(--dvc-color-hint, #505a5f);
    padding: 0.25em 0 0.25em 1em;
    margin: 0 0 1.5em;
    white-space: pre-line;
  }
  .fields > * {
    display: block;
    margin-bottom: var(--dvc-space-l, 1.5em);
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
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
