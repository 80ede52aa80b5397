import { css } from 'lit';

export const dossierStyles = css`
  :host {
    display: block;
    max-width: var(--dvc-max-width, 48em);
    color: var(--dvc-color-text, #1b1b1b);
    background: var(--dvc-color-bg, #fff);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  h3 {
    font-size: var(--dvc-font-size-subheading, 1.25em);
    margin: var(--dvc-space-l, 1.2em) 0 0.4em;
  }
  dl.review {
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.25em;
    padding-block: 0.5em;
    border-block-end: 1px solid var(--dvc-color-border, #b1b4b6);
  }
  @media (min-width: 40em) {
    .row {
      grid-template-columns: 2fr 3fr;
      gap: 1em;
    }
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  .items {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .item-heading {
    font-weight: 700;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.5em 0.25em;
    border-block-end: 1px solid var(--dvc-color-border, #b1b4b6);
  }
  .fee th,
  .fee td {
    font-weight: normal;
  }
  .fee thead th,
  .fee tfoot th,
  .fee tfoot td,
  .documents thead th {
    font-weight: 700;
  }
  .amount {
    text-align: end;
    white-space: nowrap;
  }
  .hint {
    color: var(--dvc-color-hint, #505a5f);
  }
  code {
    font-size: 0.875em;
    word-break: break-all;
  }
  .check {
    display: block;
  }
  .ok {
    color: var(--dvc-color-success, #00703c);
    font-weight: 700;
  }
  .bad {
    color: var(--dvc-color-error, #b3261e);
    font-weight: 700;
  }
  a:focus-visible {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 0;
  }
`;
