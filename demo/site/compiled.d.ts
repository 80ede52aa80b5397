// The form artefacts the demo server compiles from its procedure files (`/compiled/<name>.js`,
// what `dvc-forms compile` writes): the page hands one to <dvc-form> as its `compiled` property.
declare module '/compiled/*' {
  const compiled: Record<string, unknown>;
  export = compiled;
}
