import { css } from 'lit';

/**
 * The form printed (a citizen prints the review page to keep or to check with someone): the
 * answers and the declaration on paper, without the buttons and "Change" links, which do
 * nothing there, nor the drafts' question and notices (about keeping the application on this
 * device: nothing to do on paper), and in black on white. In the review pages' chunk, adopted when it arrives
 * (review-page.ts): the question pages are rarely printed, and the core pays no byte for it.
 */
export const formPrintStyles = css`
  @media print {
    :host {
      max-width: none;
      color: #000;
      background: #fff;
    }
    button,
    .buttons,
    .action,
    .draft-notices,
    .draft-kept,
    [part~='change-link'] {
      display: none !important;
    }
    .review-section,
    .row,
    .declaration {
      break-inside: avoid;
    }
  }
`;

/**
 * The look of the review, "cannot apply" and confirmation pages (answers, the fee table, the
 * reasons, the declaration): in the same chunk as those pages, so the core pays no byte for what
 * the question pages never show.
 */
export const reviewStyles = css`
  .reasons {
    padding-inline-start: 1.25em;
  }
  .reasons li {
    margin-block-end: 1em;
  }
  .remedy {
    margin: 0;
  }
  dl.review {
    margin: 0;
  }
  .row {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.25em;
    padding-block: 0.75em;
    border-block-end: 1px solid var(--dvc-color-border, #b1b4b6);
  }
  @media (min-width: 40em) {
    .row {
      grid-template-columns: 2fr 3fr auto;
      gap: 1em;
    }
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
  }
  .action a,
  .items a {
    display: inline-block;
    min-height: 44px;
    line-height: 44px;
  }
  .items {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .item-heading {
    font-weight: 700;
    margin-inline-end: 1em;
  }
  table.fee {
    width: 100%;
    border-collapse: collapse;
  }
  .fee th,
  .fee td {
    text-align: start;
    padding: 0.5em 0.25em;
    border-block-end: 1px solid var(--dvc-color-border, #b1b4b6);
    font-weight: normal;
  }
  .fee thead th,
  .fee tfoot th,
  .fee tfoot td {
    font-weight: 700;
  }
  .fee .amount {
    text-align: end;
    white-space: nowrap;
  }
  .declaration {
    margin-block-start: var(--dvc-space-l, 1.5em);
  }
  .review-documents .files {
    margin: 0;
    padding-inline-start: 1.25em;
    overflow-wrap: anywhere;
  }
`;

/**
 * Adds `reviewStyles` and `formPrintStyles` to the form's shadow root once: as constructed sheets,
 * else (Firefox before 101, Safari before 16.4) as a `<style>` element, as lit itself does.
 */
export function adoptPrintStyles(root: ShadowRoot | null): void {
  if (!root) return;
  for (const styles of [reviewStyles, formPrintStyles]) {
    const sheet = styles.styleSheet;
    if (sheet) {
      if (!root.adoptedStyleSheets.includes(sheet))
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } else if (!root.querySelector(`style[data-dvc="${styles === reviewStyles}"]`)) {
      const style = document.createElement('style');
      style.dataset.dvc = String(styles === reviewStyles);
      style.textContent = styles.cssText;
      root.append(style);
    }
  }
}
