// Entry of dist/dvc-forms.min.js, the one file a webmaster serves with one script tag. The form,
// its fields and the error summary are here; the rest (drafts, signing and transport, upload,
// receipt, status lookup, the procedure loader, the ajv compiler, the address list) sit beside
// it in dist/chunks/ and load, relative to this file's URL, when a page needs them
// (docs/performance.md). Elements used without a form are defined when they appear in the page
// (components/lazy-elements.ts). The npm entry with every element static is components/index.ts.
import './loaded-once.js';
import { watchLazyElements } from './lazy-elements.js';

export * from './core.js';
export { defineElement, type LazyElementName } from './lazy-elements.js';

watchLazyElements();
