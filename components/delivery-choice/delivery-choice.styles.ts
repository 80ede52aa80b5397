import { css } from 'lit';

export const deliveryChoiceStyles = css`
  :host {
    display: block;
    color: var(--dvc-color-text, #1b1b1b);
  }
  h3 {
    margin-block: 0 0.75em;
  }
  .post {
    border-inline-start: 0.3em solid var(--dvc-color-border, #b1b4b6);
    padding-inline-start: 1em;
    margin-block-end: 1em;
  }
  .money {
    margin-block: 0.5em;
  }
`;
