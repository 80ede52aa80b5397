/**
 * Where focus is, read from `document.activeElement` down through each shadow root's
 * `activeElement`: "dvc-form > h2#page-heading", or "body" when focus was dropped. A string, so a
 * failed assertion says where focus went (comparing elements makes chai print whole elements).
 */
export function focusPath(): string {
  const steps: string[] = [];
  for (let a: Element | null = document.activeElement; a; a = a.shadowRoot?.activeElement ?? null) {
    const kind = a.getAttribute('data-kind');
    steps.push(
      a.localName +
        (a.id ? `#${a.id}` : '') +
        [...a.classList].map((c) => `.${c}`).join('') +
        (kind ? `[data-kind=${kind}]` : ''),
    );
  }
  return steps.join(' > ');
}
