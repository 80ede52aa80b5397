// The meta-schema (schemas/procedure.schema.json) and the TypeScript contract
// (src/procedure/types.ts) describe the same format; these tests fail when they drift apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import {
  DOCUMENT_FORM,
  OPERATORS,
  RESULT_DELIVERY,
  RULE_KIND,
  SERVICE_KIND,
  VN_FORMATS,
  FOREIGN_FORMATS,
  UPLOAD_LIMIT_MEMBERS,
  WIDGETS,
} from '../../../src/procedure/index.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the meta-schema is walked freely
type Schema = Record<string, any>;
const schema = JSON.parse(
  readFileSync(new URL('../../../schemas/procedure.schema.json', import.meta.url), 'utf8'),
) as Schema;
const defs = schema.$defs as Record<string, Schema>;
const typesFile = fileURLToPath(new URL('../../../src/procedure/types.ts', import.meta.url));

/** Follows a local $ref of the meta-schema. */
const deref = (s: Schema): Schema =>
  typeof s.$ref === 'string' ? deref(defs[s.$ref.replace('#/$defs/', '')]) : s;

/** The object properties of an interface (or inline type literal) in types.ts. */
interface Member {
  optional: boolean;
  /** String literal values when the member's type is a union of string literals. */
  literals?: string[];
  /** Members of an inline object type (e.g. DocumentSpec.photo). */
  inline?: Map<string, Member>;
}

function readContract(): Map<string, Map<string, Member>> {
  const program = ts.createProgram([typesFile], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(typesFile);
  assert.ok(source);
  const members = (type: ts.Type, at: ts.Node): Map<string, Member> => {
    const out = new Map<string, Member>();
    for (const prop of checker.getPropertiesOfType(type)) {
      const propType = checker.getTypeOfSymbolAtLocation(prop, at);
      const nonNull = checker.getNonNullableType(propType);
      const member: Member = { optional: (prop.flags & ts.SymbolFlags.Optional) !== 0 };
      const parts = nonNull.isUnion() ? nonNull.types : [nonNull];
      if (parts.every((t) => t.isStringLiteral()))
        member.literals = parts.map((t) => (t as ts.StringLiteralType).value).sort();
      const decl = prop.declarations?.[0];
      if (decl && ts.isPropertySignature(decl) && decl.type && ts.isTypeLiteralNode(decl.type))
        member.inline = members(nonNull, decl);
      out.set(prop.getName(), member);
    }
    return out;
  };
  const result = new Map<string, Map<string, Member>>();
  ts.forEachChild(source, (node) => {
    // A document uploaded online: DocumentSpec with its upload limits required (the meta-schema's
    // `else` branch of DocumentSpec, for documents not brought to the desk).
    if (ts.isTypeAliasDeclaration(node) && node.name.text === 'UploadedDocumentSpec')
      result.set(node.name.text, members(checker.getTypeAtLocation(node), node));
    if (ts.isInterfaceDeclaration(node) && node.name.text !== 'JsonSchema')
      result.set(node.name.text, members(checker.getTypeAtLocation(node), node));
    if (ts.isTypeAliasDeclaration(node) && node.name.text === 'Conditions') {
      // A union of three object shapes: its members are the union of theirs, each optional
      // in the schema (oneOf picks which one is present).
      const type = checker.getTypeAtLocation(node);
      const all = new Map<string, Member>();
      for (const t of type.isUnion() ? type.types : [type])
        for (const [k, m] of members(t, node)) all.set(k, { ...m, optional: true });
      result.set('Conditions', all);
    }
  });
  return result;
}

function compare(name: string, contract: Map<string, Member>, def: Schema): void {
  const props = (def.properties ?? {}) as Record<string, Schema>;
  assert.deepEqual(Object.keys(props).sort(), [...contract.keys()].sort(), `${name}: members`);
  assert.equal(def.additionalProperties, false, `${name}: closed`);
  const required = [...contract]
    .filter(([, m]) => !m.optional)
    .map(([k]) => k)
    .sort();
  assert.deepEqual([...(def.required ?? [])].sort(), required, `${name}: required members`);
  for (const [k, m] of contract) {
    const prop = deref(props[k]);
    if (m.literals) {
      const values = prop.enum ?? (prop.const !== undefined ? [prop.const] : undefined);
      assert.deepEqual([...(values ?? [])].sort(), m.literals, `${name}.${k}: literal values`);
    }
    if (m.inline) compare(`${name}.${k}`, m.inline, prop);
    assert.ok(
      typeof props[k].description === 'string' || typeof prop.description === 'string',
      `${name}.${k}: description for editors`,
    );
  }
}

test('every interface of types.ts matches its meta-schema definition', () => {
  const contract = readContract();
  const expectedNames = [
    'Conditions',
    'CopyFrom',
    'Declaration',
    'DocumentSpec',
    'FeeItem',
    'FeeReduction',
    'FeeScheduleEntry',
    'FeeSpec',
    'FieldOption',
    'FieldUi',
    'IneligiblePage',
    'LegalReference',
    'LocalizedText',
    'OptionList',
    'Privacy',
    'Procedure',
    'Rule',
    'RuleTargets',
    'Step',
    'UiSpec',
  ];
  assert.deepEqual([...contract.keys()].sort(), [...expectedNames, 'UploadedDocumentSpec'].sort());
  for (const [name, members] of contract) {
    if (name === 'UploadedDocumentSpec') continue; // the test below
    assert.ok(defs[name], `meta-schema has $defs/${name}`);
    compare(name, members, defs[name]);
  }
});

test('the upload limits are required exactly where UploadedDocumentSpec requires them', () => {
  const contract = readContract();
  const required = (name: string) =>
    [...contract.get(name)!].filter(([, m]) => !m.optional).map(([k]) => k);
  const document = defs.DocumentSpec!;
  // Uploaded documents: those whose atDesk is not `true`.
  assert.deepEqual(document.if, {
    properties: { atDesk: { const: true } },
    required: ['atDesk'],
  });
  assert.equal(document.then, undefined);
  const extra = required('UploadedDocumentSpec').filter((k) => !document.required.includes(k));
  assert.deepEqual(extra.sort(), [...document.else.required].sort());
  assert.deepEqual([...UPLOAD_LIMIT_MEMBERS].sort(), extra.sort());
  // An uploaded document's atDesk is false or absent, never true.
  assert.deepEqual(contract.get('UploadedDocumentSpec')!.get('atDesk'), { optional: true });
});

test('the fact condition shape matches ConditionNode', () => {
  assert.deepEqual(Object.keys(defs.FactCondition.properties).sort(), [
    'fact',
    'name',
    'operator',
    'params',
    'path',
    'value',
  ]);
  assert.deepEqual([...defs.FactCondition.required].sort(), ['fact', 'operator']);
  // "value" is required by every operator but isAnswered/isNotAnswered, which ignore it.
  assert.deepEqual(defs.FactCondition.if.properties.operator.enum, ['isAnswered', 'isNotAnswered']);
  assert.deepEqual(defs.FactCondition.else, { required: ['value'] });
});

test('the enumerations match the constants of the contract', () => {
  assert.deepEqual(defs.FieldUi.properties.widget.enum, [...WIDGETS]);
  assert.deepEqual(defs.Procedure.properties.serviceKind.enum, Object.values(SERVICE_KIND));
  assert.deepEqual(
    defs.Procedure.properties.resultDelivery.items.enum,
    Object.values(RESULT_DELIVERY),
  );
  assert.deepEqual(defs.DocumentSpec.properties.form.enum, Object.values(DOCUMENT_FORM));
  assert.deepEqual(defs.Rule.properties.kind.enum, Object.values(RULE_KIND));
  assert.deepEqual(defs.FactCondition.properties.operator.enum, [...OPERATORS]);
  assert.deepEqual(defs.JsonSchema.properties.format.enum, [
    ...Object.keys(fullFormats),
    ...VN_FORMATS,
    ...FOREIGN_FORMATS,
  ]);
});

test('the meta-schema has a stable $id and every definition a description or title', () => {
  assert.equal(schema.$id, 'https://dvc-forms.dev/schemas/procedure/v1.json');
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(defs.Procedure.properties.$schema, 'authors may write "$schema"');
  for (const [name, def] of Object.entries(defs))
    assert.ok(def.description || def.title, `$defs/${name} is documented`);
  // data: an object schema, with only local references.
  assert.equal(defs.JsonSchema.properties.$ref.pattern, '^#(/.*)?$');
});
