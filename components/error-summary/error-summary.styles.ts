import { css } from 'lit';

export const errorSummaryStyles = css`
  :host {
    display: block;
    margin-block-end: var(--dvc-space-l, 1.5em);
  }
  :host([hidden]) {
    display: none;
  }
  .summary {
    padding: 1em;
    border: 4px solid var(--dvc-color-error, #b3261e);
    color: var(--dvc-color-text, #1b1b1b);
    background: var(--dvc-color-bg, #fff);
  }
  .summary:focus {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 0;
  }
  h2 {
    margin: 0 0 0.6em;
    font-size: var(--dvc-font-size-heading-s, 1.25em);
    line-height: 1.3;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    margin-block-end: 0.5em;
  }
  a {
    display: inline-block;
    /* border-box: the 44 px target includes the padding; content-box made one-line links 60 px
       tall and spread the list out on a phone. */
    box-sizing: border-box;
    min-height: 44px;
    line-height: 1.5;
    padding-block: 0.5em;
    color: var(--dvc-color-error, #b3261e);
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:focus-visible {
    outline: 3px solid transparent;
    color: var(--dvc-color-focus-text, #0b0c0c);
    background: var(--dvc-color-focus, #ffbf47);
    box-shadow: 0 4px var(--dvc-color-focus-text, #0b0c0c);
    text-decoration: none;
  }
  .plain {
    display: inline-block;
    box-sizing: border-box;
    padding-block: 0.5em;
    font-weight: 700;
    color: var(--dvc-color-error, #b3261e);
  }
`;
