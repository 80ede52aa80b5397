/**
 * Every story module, for test/browser/stories.test.ts (web-test-runner cannot glob). Storybook
 * itself finds the files by pattern; .storybook/main.ts refuses to start when a
 * `*.stories.ts` file is missing here, so no story escapes the axe run.
 */
import * as textField from './text-field.stories.js';
import * as textareaField from './textarea-field.stories.js';
import * as numberField from './number-field.stories.js';
import * as dateField from './date-field.stories.js';
import * as selectField from './select-field.stories.js';
import * as radioGroup from './radio-group.stories.js';
import * as checkboxField from './checkbox-field.stories.js';
import * as checkboxGroup from './checkbox-group.stories.js';
import * as idNumberField from './id-number-field.stories.js';
import * as phoneField from './phone-field.stories.js';
import * as emailField from './email-field.stories.js';
import * as addressField from './address-field.stories.js';
import * as repeatGroup from './repeat-group.stories.js';
import * as errorSummary from './error-summary.stories.js';
import * as procedures from './procedures.stories.js';
import * as theming from './theming.stories.js';
import * as playground from './playground.stories.js';
import * as upload from './upload.stories.js';
import * as receipt from './receipt.stories.js';
import * as statusLookup from './status-lookup.stories.js';
import * as deliveryChoice from './delivery-choice.stories.js';
import * as supplement from './supplement.stories.js';
import * as dossier from './dossier.stories.js';

export const storyModules = {
  'text-field': textField,
  'textarea-field': textareaField,
  'number-field': numberField,
  'date-field': dateField,
  'select-field': selectField,
  'radio-group': radioGroup,
  'checkbox-field': checkboxField,
  'checkbox-group': checkboxGroup,
  'id-number-field': idNumberField,
  'phone-field': phoneField,
  'email-field': emailField,
  'address-field': addressField,
  'repeat-group': repeatGroup,
  'error-summary': errorSummary,
  procedures,
  theming,
  playground,
  upload,
  receipt,
  'status-lookup': statusLookup,
  'delivery-choice': deliveryChoice,
  supplement,
  dossier,
};
