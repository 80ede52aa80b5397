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

/** The attributes for a state, in a fixed order; `null` means absent. */
function attributesOf(s: InputState): [string, string | null][] {
  return [
    ['required', s.required ? '' : null],
    ['disabled', s.disabled ? '' : null],
    ['readonly', s.readonly ? '' : null],
    ['placeholder', s.placeholder || null],
    ['autocomplete', s.autocomplete || null],
    ['inputmode', s.inputmode || null],
    ['maxlength', s.maxlength === undefined ? null : String(s.maxlength)],
    ['spellcheck', s.spellcheck === false ? 'false' : null],
    ['aria-invalid', s.invalid ? 'true' : 'false'],
    ['aria-describedby', s.describedBy === nothing ? null : (s.describedBy as string)],
  ];
}

class InputAttributesDirective extends Directive {
  /** The values last written, in `attributesOf` order. */
  private last: (string | null)[] | undefined;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT)
      throw new Error('inputAttributes() belongs in an element binding: <input ${…}>');
  }

  render(_state: InputState): unknown {
    return noChange;
  }

  override update(part: ElementPart, [state]: [InputState]): unknown {
    const el = part.element;
    const next = attributesOf(state);
    const last = this.last;
    next.forEach(([name, value], i) => {
      // First render: the template's box has none of these attributes, nothing to remove.
      if (last === undefined ? value === null : last[i] === value) return;
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
    });
    this.last = next.map(([, value]) => value);
    return noChange;
  }
}

/** `<input ${inputAttributes(state)}>`: the text box's attributes as one binding. */
export const inputAttributes = directive(InputAttributesDirective);
