/**
 * One element binding for the attributes of a field's text box, instead of one attribute binding
 * each (required, disabled, readonly, placeholder, autocomplete, inputmode, maxlength, spellcheck,
 * aria-invalid, aria-describedby). Every binding is an object lit keeps for the life of the
 * field; a page of a thousand questions kept ten thousand of them (docs/performance.md). Like
 * lit's own attribute bindings, an attribute is written only when its value changed since the
 * last render, and removed when it has none.
 */
import { noChange, nothing, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import { checkDirectivePlace } from './directive-place.js';

/** What the text box shows as attributes; `null` (or `nothing`) leaves the attribute out. */
export interface InputState {
  required: boolean;
  disabled: boolean;
  readonly: boolean;
  placeholder: string;
  autocomplete: string;
  inputmode: string;
  maxlength: number | undefined;
  /** `false` writes `spellcheck="false"`; otherwise the browser decides. */
  spellcheck: boolean | undefined;
  invalid: boolean;
  describedBy: string | typeof nothing;
}

/** The attributes' names, in the order of `valuesOf`. */
const NAMES = [
  'required',
  'disabled',
  'readonly',
  'placeholder',
  'autocomplete',
  'inputmode',
  'maxlength',
  'spellcheck',
  'aria-invalid',
  'aria-describedby',
] as const;

/**
 * The attributes' values for a state, in `NAMES` order; `null` means absent. One array per
 * render, not an array of pairs and a copy (a text box's first update, a thousand of them on a
 * large page; docs/performance.md).
 */
function valuesOf(s: InputState): (string | null)[] {
  return [
    s.required ? '' : null,
    s.disabled ? '' : null,
    s.readonly ? '' : null,
    s.placeholder || null,
    s.autocomplete || null,
    s.inputmode || null,
    s.maxlength === undefined ? null : String(s.maxlength),
    s.spellcheck === false ? 'false' : null,
    s.invalid ? 'true' : 'false',
    s.describedBy === nothing ? null : (s.describedBy as string),
  ];
}

class InputAttributesDirective extends Directive {
  /** The values last written, in `NAMES` order. */
  private last: (string | null)[] | undefined;

  constructor(info: PartInfo) {
    super(info);
    checkDirectivePlace(info, PartType.ELEMENT, 'inputAttributes');
  }

  render(_state: InputState): unknown {
    return noChange;
  }

  override update(part: ElementPart, [state]: [InputState]): unknown {
    const el = part.element;
    const next = valuesOf(state);
    const last = this.last;
    for (let i = 0; i < NAMES.length; i++) {
      const value = next[i]!;
      // First render: the template's box has none of these attributes, nothing to remove.
      if (last === undefined ? value === null : last[i] === value) continue;
      if (value === null) el.removeAttribute(NAMES[i]!);
      else el.setAttribute(NAMES[i]!, value);
    }
    this.last = next;
    return noChange;
  }
}

/** `<input ${inputAttributes(state)}>`: the text box's attributes as one binding. */
export const inputAttributes = directive(InputAttributesDirective);
