// A procedure whose resultDelivery offers post is asked how the result is received by the form
// itself (<dvc-delivery-choice>, src/delivery). A sample that also asks it in its own data/ui
// makes citizens answer twice (and the two answers can disagree), so no sample may.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Procedure } from '../../../src/procedure/types.js';
import { asksDelivery } from '../../../src/delivery/index.js';

const dir = new URL('../../../schemas/procedures/', import.meta.url);
const samples = readdirSync(dir)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.cases.json'))
  .map((f) => ({
    file: f,
    procedure: JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Procedure,
  }));

/** Words that name a delivery question: the method or the postal address. */
const DELIVERY_NAME = /deliver|postal|giao-nhan|nhan-ket-qua/i;

/** Every property name under a JSON Schema, with its dotted path. */
function propertyPaths(schema: unknown, prefix = ''): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const out: string[] = [];
  const props = (schema as { properties?: Record<string, unknown> }).properties ?? {};
  for (const [name, sub] of Object.entries(props)) {
    const path = prefix ? `${prefix}.${name}` : name;
    out.push(path, ...propertyPaths(sub, path));
    const items = (sub as { items?: unknown }).items;
    if (items) out.push(...propertyPaths(items, `${path}[]`));
  }
  return out;
}

test('the samples that offer post are found (the check below is not vacuous)', () => {
  const offering = samples.filter((s) => asksDelivery(s.procedure)).map((s) => s.file);
  assert.deepEqual(offering.sort(), [
    'cap-giay-phep-lai-xe-quoc-te.json',
    'cap-phieu-ly-lich-tu-phap.json',
    'dang-ky-khai-sinh.json',
  ]);
});

for (const { file, procedure } of samples.filter((s) => asksDelivery(s.procedure))) {
  test(`${file} does not ask how the result is delivered in its own data, ui or rules`, () => {
    const data = propertyPaths(procedure.data).filter((p) => DELIVERY_NAME.test(p));
    assert.deepEqual(data, [], 'data properties about delivery');
    const ui = procedure.ui.steps
      .flatMap((s) => s.fields.map((f) => f.field))
      .filter((f) => DELIVERY_NAME.test(f));
    assert.deepEqual(ui, [], 'ui fields about delivery');
    // Rules, fees and documents may only mention delivery through a field: none may remain.
    const rest = JSON.stringify({
      rules: procedure.rules,
      fees: (procedure as { fees?: unknown }).fees,
      documents: procedure.documents,
    });
    assert.doesNotMatch(rest, /result\.delivery|postalAddress/);
  });
}
