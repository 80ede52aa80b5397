// The bundle's first module (components/bundle.ts imports it before anything else, so it runs
// before lit's). A page that loads dist/dvc-forms.min.js under two URLs (a second script tag, a
// CMS's `?ver=…` while the artefact and the chunks import the plain URL) runs two copies: the
// second cannot create lit's Trusted Types policy under the README's CSP, nor define the
// elements again without it, and every chunk the first copy's form loads imports the plain URL,
// so it failed with a message that said nothing of the cause. The second copy stops here with
// one that does (the first copy has defined `<dvc-form>` by then: a module runs whole), and the
// first copy's form shows its load failure (loader.ts) instead of its loading line for ever.
// Only the second URL: naming the first too needed a global and cost the core more bytes.
if (customElements.get('dvc-form'))
  throw Error(`dvc-forms was loaded twice, now from ${import.meta.url}; load it once`);
