import { css, unsafeCSS } from 'lit';
import { dateRowLook, SHADOW_SCOPE } from '../../src/look.js';

// Comments inside the css`` text would ship in the core bundle: they are here instead.
// - forced-colors: Windows high contrast replaces the selected day's blue with the page
//   background, and the chosen day looked like any other (WCAG 1.4.11); the system's
//   Highlight/HighlightText pair keeps it apart from the other days and the focus ring.
export const dateFieldStyles = css`
  ${unsafeCSS(dateRowLook(SHADOW_SCOPE))}
  dialog {
    box-sizing: border-box;
    /* Without a cap the long keyboard help line widens the dialog to the whole screen at 200 %
       zoom, leaving the 7-day grid stranded on the left under a full-width header. */
    max-inline-size: min(calc(100vw - 1em), 24em);
    padding: 0.75em;
    border: 2px solid var(--dvc-color-border, #0b0c0c);
    border-radius: var(--dvc-radius, 0);
    background: var(--dvc-color-input-bg, #fff);
    color: var(--dvc-color-text, #1b1b1b);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  h2 {
    margin: 0;
    font-size: 1.125em;
    text-align: center;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block: 0.5em;
  }
  th,
  td {
    inline-size: 44px;
    block-size: 44px;
    padding: 0;
    text-align: center;
  }
  th {
    font-weight: 700;
    font-size: 0.875em;
  }
  td[data-date] {
    cursor: pointer;
    border: 1px solid transparent;
  }
  td[data-date]:hover {
    border-color: currentColor;
  }
  td[aria-current='date'] {
    text-decoration: underline;
    font-weight: 700;
  }
  td[aria-selected='true'] {
    background: var(--dvc-color-selected-bg, #1d70b8);
    color: var(--dvc-color-selected-text, #fff);
  }
  @media (forced-colors: active) {
    td[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  td[aria-disabled='true'] {
    color: var(--dvc-color-hint, #505a5f);
    text-decoration: line-through;
    cursor: not-allowed;
  }
  .footer {
    display: flex;
    justify-content: end;
  }
`;
