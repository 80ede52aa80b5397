/**
 * Reading the server-rendered first page (first-page-adoption.ts): the answers a person gave its
 * plain controls, and where focus and the caret were. In the engine chunk (engine.ts), not the
 * core: they run only when a ready form, which has loaded its engine, takes a plain page over.
 */
/** What the person gave one plain question. */
export interface PlainAnswer {
  path: string;
  widget: string;
  /** Text of a text-like control or a select; the chosen values of choices. */
  value: string | string[] | boolean;
}

/** Where focus was in the plain page. */
export interface PlainFocus {
  path: string;
  /** The radio or check box value that had focus. */
  value?: string;
  start?: number | null;
  end?: number | null;
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The answers in the plain page, in page order, empty ones left out. */
export function readPlainAnswers(root: ParentNode): PlainAnswer[] {
  const answers: PlainAnswer[] = [];
  for (const field of root.querySelectorAll<HTMLElement>('.dvc-fp-field[data-path]')) {
    const answer = readPlainAnswer(field);
    if (answer) answers.push(answer);
  }
  return answers;
}

/** What one plain question (`.dvc-fp-field[data-path]`) holds, if anything. */
export function readPlainAnswer(field: HTMLElement): PlainAnswer | undefined {
  const path = field.dataset.path!;
  const widget = field.dataset.widget ?? 'text';
  const controls = [...field.querySelectorAll<Control>('input, textarea, select')];
  if (widget === 'radio') {
    const on = controls.find((c) => (c as HTMLInputElement).checked);
    if (on) return { path, widget, value: on.value };
  } else if (widget === 'checkbox') {
    const group = field.querySelector('fieldset') !== null;
    const on = controls.filter((c) => (c as HTMLInputElement).checked).map((c) => c.value);
    if (group && on.length > 0) return { path, widget, value: on };
    if (!group && on.length > 0) return { path, widget, value: true };
  } else if (controls[0] && controls[0].value !== '') {
    return { path, widget, value: controls[0].value };
  }
  return undefined;
}

/** The question and caret of the focused plain control, if focus is in the plain page. */
export function readPlainFocus(root: Element): PlainFocus | undefined {
  const active = root.ownerDocument.activeElement;
  if (!active || !root.contains(active)) return undefined;
  const field = active.closest<HTMLElement>('.dvc-fp-field[data-path]');
  if (!field) return undefined;
  const path = field.dataset.path!;
  if (active instanceof HTMLInputElement && (active.type === 'radio' || active.type === 'checkbox'))
    return { path, value: active.value };
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement)
    return { path, start: active.selectionStart, end: active.selectionEnd };
  return { path };
}
