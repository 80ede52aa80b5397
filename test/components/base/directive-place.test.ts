/**
 * Our directives refuse a binding where they cannot work, with one sentence naming the directive
 * and where it belongs (components/base/directive-place.ts): a template mistake in our own code
 * fails at its first render instead of writing nothing.
 */
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { inputAttributes } from '../../../components/base/input-attributes.js';
import { optionNodes } from '../../../components/base/option-nodes.js';

function renderError(run: (host: HTMLElement) => void): string {
  const host = document.createElement('div');
  try {
    run(host);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

describe('directives bound in the wrong place', () => {
  it('an element directive in a child part says it belongs in an element part', () => {
    expect(
      renderError((host) => render(html`<span>${inputAttributes({} as never)}</span>`, host)),
    ).to.equal('inputAttributes() belongs in an element part');
  });

  it('a child directive in an element part says it belongs in a child part', () => {
    expect(
      renderError((host) =>
        render(
          html`<select ${optionNodes([], () => document.createElement('option'))}></select>`,
          host,
        ),
      ),
    ).to.equal('optionNodes() belongs in a child part');
  });
});
