// `import 'dvc-forms'` (or the dvc-forms.min.js bundle) defines every element.
export { DvcTextField } from './text-field/text-field.js';
