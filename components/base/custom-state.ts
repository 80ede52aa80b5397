/**
 * The host's `invalid` state for its error bar (`:host(:state(invalid))`, fieldStyles).
 *
 * CustomStateSet with plain names is Chrome 125, Firefox 126, Safari 17.4
 * (docs/compatibility.md). Before that `internals.states` is missing, or (Chrome 90–124) throws
 * for a name without `--`: the host then carries the `data-dvc-invalid` attribute, styled by a
 * rule of its own so the error bar shows in every supported browser.
 *
 * @returns how the state is shown: `'state'` or `'attribute'`.
 */
export function showInvalid(
  host: HTMLElement,
  internals: ElementInternals,
  invalid: boolean,
): 'state' | 'attribute' {
  const states = (internals as { states?: Set<string> }).states;
  try {
    if (!states) throw new TypeError('no CustomStateSet');
    if (invalid) states.add('invalid');
    else states.delete('invalid');
    host.removeAttribute('data-dvc-invalid');
    return 'state';
  } catch {
    host.toggleAttribute('data-dvc-invalid', invalid);
    return 'attribute';
  }
}
