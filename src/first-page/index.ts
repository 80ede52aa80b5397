/**
 * The form's first page rendered on the server as plain HTML that `<dvc-form>` adopts
 * (docs/form.md, "Server-rendered first page").
 */
export {
  escapeHtml,
  firstPageHtml,
  firstPageOf,
  firstPageRenderer,
  renderFirstPage,
  PLAIN_WIDGETS,
  type FirstPage,
  type FirstPageOptions,
  type FirstPageQuestion,
  type PlainWidget,
} from './first-page.js';
export { FIRST_PAGE_MESSAGES, type FirstPageMessages } from './messages.js';
export { FIRST_PAGE_CSS } from './styles.js';
export { firstPageCssFile } from './css-file.js';
