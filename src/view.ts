/**
 * The part of the engine the form's elements render with: field paths, the journey's pages, the
 * words for sizes, amounts and labels. No session, validation or rules: `components/` takes these
 * from here, not from the folders' index.ts, so the core of the one-file bundle
 * (dist/dvc-forms.min.js) holds only them, and the rest of src/ comes with the form's engine
 * chunk once a form has a procedure (components/form/engine.ts, docs/performance.md round 5).
 * Each name is also exported by its folder's index.ts.
 */
export { getAt, isAnswered, isWithinPath, pointerToDots, setAt } from './session/field-path.js';
export {
  SYNTHETIC_ELIGIBILITY_STEP,
  buildPages,
  eligibilityFacts,
  isFieldVisible,
  orderSteps,
  parentPaths,
  type Page,
  type Visibility,
} from './session/journey.js';
export { formatSize } from './files/format.js';
export { formatDong, formatPercent } from './payment/words.js';
export { mentionsLabel } from './validation/labels.js';
export { isUploadedDocument } from './procedure/types.js';
export { FIRST_PAGE_MESSAGES, type FirstPageMessages } from './first-page/messages.js';
