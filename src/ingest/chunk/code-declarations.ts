/**
 * What a syntax node declares, read from tree-sitter node types and fields shared by most grammars
 * (`name`, `declarator`, `body`…) plus a few language-specific shapes: Go receivers, Rust `impl`, Elixir
 * `def` calls, CommonJS `module.exports = …` and prototype assignments.
 */
import type { SyntaxNode } from './tree-sitter.js';

/** A named declaration: a function, class, method, interface, type, module, or a multi-line variable. */
export interface Declaration {
  /** How it reads in a heading path: `class Worker`, `function sign`, `module 'stripe'`, `PaymentIntents`. */
  label: string;
  /** Its own name: `Worker`, `run`, `res.redirect`. */
  name: string;
  /** Whether members are named through it (`Worker.run`); false for string-named modules. */
  qualifies: boolean;
  /** Whether it is a function, method or constructor, whose local variables are not declarations. */
  isFunction: boolean;
}

/** How to read declarations at one level of a tree. */
export interface DescribeOptions {
  /** Inside a function body: a variable is a declaration only when its value is a function or class. */
  insideFunction: boolean;
}

/** Node types that declare something, with the keyword used in heading paths. */
const KEYWORDS: Readonly<Record<string, string>> = {
  function_declaration: 'function',
  generator_function_declaration: 'function',
  function_definition: 'function',
  function_item: 'function',
  function_signature: 'function',
  function_definition_statement: 'function',
  local_function_definition_statement: 'function',
  method_definition: 'method',
  method_declaration: 'method',
  method: 'method',
  singleton_method: 'method',
  constructor_declaration: 'constructor',
  abstract_method_signature: 'method',
  method_signature: 'method',
  class_declaration: 'class',
  abstract_class_declaration: 'class',
  class_definition: 'class',
  class_specifier: 'class',
  class: 'class',
  object_declaration: 'object',
  object_definition: 'object',
  interface_declaration: 'interface',
  protocol_declaration: 'protocol',
  trait_declaration: 'trait',
  trait_definition: 'trait',
  trait_item: 'trait',
  struct_declaration: 'struct',
  struct_item: 'struct',
  struct_specifier: 'struct',
  union_item: 'union',
  union_specifier: 'union',
  enum_declaration: 'enum',
  enum_item: 'enum',
  enum_specifier: 'enum',
  record_declaration: 'record',
  impl_item: 'impl',
  type_alias_declaration: 'type',
  type_item: 'type',
  type_definition: 'type',
  type_declaration: 'type',
  module: 'module',
  mod_item: 'module',
  internal_module: 'namespace',
  namespace_declaration: 'namespace',
  namespace_definition: 'namespace',
  file_scoped_namespace_declaration: 'namespace',
  macro_definition: 'macro',
};

/** Nodes that only wrap a declaration: `export …`, `declare …`, decorators, templates, statements. */
const WRAPPERS = new Set([
  'export_statement',
  'ambient_declaration',
  'decorated_definition',
  'template_declaration',
  'expression_statement',
]);

/** Nodes that declare one or more variables; a declaration only when they declare exactly one. */
const VARIABLE_LISTS = new Set([
  'lexical_declaration',
  'variable_declaration',
  'const_declaration',
  'var_declaration',
  'field_declaration',
  'local_variable_declaration',
]);

/** Nodes that bind one name to a value. */
const VARIABLES = new Set([
  'variable_declarator',
  'assignment_expression',
  'assignment',
  'public_field_definition',
  'field_definition',
  'property_declaration',
  'property_signature',
  'pair',
  'const_spec',
  'var_spec',
]);

/** Values that make a one-line variable worth naming. */
const FUNCTION_VALUES = new Set([
  'function_expression',
  'function',
  'arrow_function',
  'generator_function',
  'lambda',
  'function_definition',
  'class',
]);

/** Node types whose text is a usable name. */
const NAMES = new Set([
  'identifier',
  'type_identifier',
  'simple_identifier',
  'property_identifier',
  'private_property_identifier',
  'field_identifier',
  'constant',
  'name',
  'word',
  'member_expression',
  'attribute',
  'scope_resolution',
  'variable',
  'dot_index_expression',
  'string',
]);

const ELIXIR_DEFINITIONS: Readonly<Record<string, string>> = {
  defmodule: 'module',
  defprotocol: 'protocol',
  defimpl: 'impl',
  def: 'function',
  defp: 'function',
  defmacro: 'macro',
  defmacrop: 'macro',
};

/** What the node declares, or undefined for anything else (imports, statements, one-line constants). */
export function describeDeclaration(
  node: SyntaxNode,
  options: DescribeOptions = { insideFunction: false },
): Declaration | undefined {
  const keyword = KEYWORDS[node.type];
  if (keyword !== undefined) return declaration(keyword, declarationName(node));
  if (WRAPPERS.has(node.type)) return describeWrapped(node, options);
  if (VARIABLE_LISTS.has(node.type)) {
    const variables = node.namedChildren.filter((child) => VARIABLES.has(child.type));
    return variables.length === 1 && variables[0] ? describeVariable(variables[0], options) : undefined;
  }
  if (VARIABLES.has(node.type)) return describeVariable(node, options);
  if (node.type === 'call') return describeElixirDefinition(node);
  return undefined;
}

function describeWrapped(node: SyntaxNode, options: DescribeOptions): Declaration | undefined {
  const inner =
    node.childForFieldName('declaration') ??
    node.childForFieldName('definition') ??
    node.childForFieldName('value');
  if (inner) return describeDeclaration(inner, options);
  for (const child of node.namedChildren) {
    const described = describeDeclaration(child, options);
    if (described) return described;
  }
  return undefined;
}

/** Names longer than this (a C declarator with its parameters, generated code) are cut. */
const MAX_NAME_LENGTH = 100;

function declaration(keyword: string | undefined, text: string | undefined): Declaration | undefined {
  const name = text?.replace(/\s+/g, ' ').trim().slice(0, MAX_NAME_LENGTH);
  if (!name) return undefined;
  const label = keyword ? `${keyword} ${name}` : name;
  const isFunction = keyword === 'function' || keyword === 'method' || keyword === 'constructor';
  return { label, name, qualifies: !/^["'`]/.test(name), isFunction };
}

function declarationName(node: SyntaxNode): string | undefined {
  const receiver = node.childForFieldName('receiver');
  const name = node.childForFieldName('name');
  if (receiver && name) return qualifiedByReceiver(receiver.text, name.text);
  if (node.type === 'impl_item') return node.childForFieldName('type')?.text;
  if (name) return name.text;
  const declarator = innermostDeclarator(node);
  if (declarator) return declarator.text;
  const specs = node.namedChildren.filter((child) => child.type === 'type_spec');
  if (specs.length === 1) return specs[0]?.childForFieldName('name')?.text;
  return node.namedChildren.find((child) => NAMES.has(child.type) && child.type !== 'string')?.text;
}

/** Follows C-style `declarator` fields (pointer → function → identifier) to the declared name. */
function innermostDeclarator(node: SyntaxNode): SyntaxNode | undefined {
  let declarator = node.childForFieldName('declarator');
  while (declarator) {
    const inner = declarator.childForFieldName('declarator');
    if (!inner) return declarator;
    declarator = inner;
  }
  return undefined;
}

/** Go methods are named by their receiver type: `func (w *Worker) Run()` is `Worker.Run`. */
function qualifiedByReceiver(receiver: string, name: string): string {
  const type = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*\)\s*$/.exec(receiver)?.[1];
  return type ? `${type}.${name}` : name;
}

function describeVariable(node: SyntaxNode, options: DescribeOptions): Declaration | undefined {
  const target =
    node.childForFieldName('name') ??
    node.childForFieldName('left') ??
    node.childForFieldName('key') ??
    node.childForFieldName('property') ??
    innermostDeclarator(node) ??
    node.namedChildren.find((child) => child.type === 'variable_declarator' || child.type === 'const_spec');
  if (!target) return undefined;
  if (target.type === 'variable_declarator' || target.type === 'const_spec') {
    return describeVariable(target, options);
  }
  if (!NAMES.has(target.type)) return undefined;
  const value = node.childForFieldName('value') ?? node.childForFieldName('right');
  const isFunction = value !== null && FUNCTION_VALUES.has(value.type);
  const isOneLine = node.startPosition.row === node.endPosition.row;
  if (!isFunction && (options.insideFunction || isOneLine)) return undefined;
  const name = /^(module\.)?exports$/.test(target.text)
    ? (value?.childForFieldName('name')?.text ?? 'module.exports')
    : assignmentName(target.text);
  const keyword = isFunction ? (value?.type === 'class' ? 'class' : 'function') : undefined;
  return declaration(keyword, name);
}

/**
 * The name an assignment gives: `exports.sign` and `module.exports.sign` are `sign`, `Foo.prototype.bar`
 * is `Foo.bar`, a string key loses its quotes, and white space is dropped from a member chain split over
 * lines.
 */
function assignmentName(target: string): string {
  const quoted = /^["'`](.*)["'`]$/s.exec(target);
  if (quoted) return quoted[1] ?? '';
  return target
    .replace(/^(module\.)?exports\./, '')
    .replace(/\.prototype\./g, '.')
    .replace(/\s+/g, '');
}

/** Elixir declares with calls: `defmodule Foo do`, `def bar(x), do: …`. */
function describeElixirDefinition(node: SyntaxNode): Declaration | undefined {
  const target = node.childForFieldName('target');
  const keyword = target ? ELIXIR_DEFINITIONS[target.text] : undefined;
  if (!keyword) return undefined;
  let subject = node.namedChildren.find((child) => child.type === 'arguments')?.firstNamedChild ?? null;
  if (subject?.type === 'binary_operator') subject = subject.childForFieldName('left');
  if (subject?.type === 'call') subject = subject.childForFieldName('target');
  return declaration(keyword, subject?.text);
}
