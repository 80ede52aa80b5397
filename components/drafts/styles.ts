import { css } from 'lit';

/** The draft offer and notices, in the form's shadow root (GOV.UK "notification banner"). */
export const draftStyles = css`
  .draft-notices {
    display: grid;
    gap: 0.75em;
    margin-block-end: var(--dvc-space-l, 1.5em);
  }
  /* Below the page, on a first page taken over from the server (form/first-page-adoption.ts). */
  .buttons + .draft-notices {
    margin-block: var(--dvc-space-l, 1.5em) 0;
  }
  .draft-notice {
    border-inline-start: 6px solid var(--dvc-color-notice, #1d70b8);
    background: var(--dvc-color-secondary, #f3f2f1);
    padding: 0.5em 1em;
  }
  .draft-notice[role='alert'] {
    border-inline-start-color: var(--dvc-color-error, #b3261e);
  }
  .draft-notice p,
  .draft-notice ul {
    margin: 0 0 0.5em;
  }
  .draft-notice button.link {
    min-height: 44px;
    background: none;
    border: 0;
    padding: 0;
    color: var(--dvc-color-link, #1d70b8);
    text-decoration: underline;
    font: inherit;
    cursor: pointer;
  }
  .draft-consent-heading {
    font-size: 1.125em;
    margin: 0 0 0.5em;
  }
  .draft-consent-buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
  }
  .draft-kept {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0 1em;
  }
  .draft-kept p {
    margin: 0;
  }
  .draft-kept button.link {
    min-height: 44px;
    background: none;
    border: 0;
    padding: 0;
    color: var(--dvc-color-link, #1d70b8);
    text-decoration: underline;
    font: inherit;
    cursor: pointer;
  }
`;
