/**
 * @module The text of an invalid-arguments error, short enough to repair in one turn. Once the endpoint was
 * described in the session, only the failing leaves: where, what was expected, what came, the allowed values
 * when they are few. Before that, each leaf with the smallest subschema that covers it, printed once. No list
 * is ever printed twice.
 */
import { foldSchema } from '../schema/fold-schema.js';
import { reachableDefs } from '../schema/local-defs.js';
import { isObject, type JsonObject } from '../base/json.js';
import type { Operation } from '../openapi/operation.js';
import type { ArgumentProblem } from './describe-problem.js';
import { credentialAsk } from './credential-parameter.js';

export interface RepairInput {
  operation: Pick<Operation, 'id' | 'method' | 'path'>;
  /** The input schema the arguments were validated against. */
  schema: JsonObject;
  problems: readonly ArgumentProblem[];
  /** Slips fixed before validating (see normalize-arguments.ts). */
  adjustments: readonly string[];
  /** Whether this session has seen the endpoint's schema (describe_endpoint): then only the leaves are said. */
  described: boolean;
  /** Keys of the arguments that are credentials (see credential-parameter): a missing one says whose it is. */
  credentials?: ReadonlyMap<string, string>;
}

/** Allowed values listed in a line at most: more are in the schema describe_endpoint showed. */
const fewValues = 8;
/** Characters of one subschema shown before describe (about 400 tokens); deeper parts become stubs to describe. */
const subschemaChars = 1_600;
/** Problems listed: the first ones say what to fix; thousands would only cost tokens. */
const maxProblemsShown = 20;

export function repairMessage(input: RepairInput): string {
  const { operation, schema, problems, adjustments, described, credentials } = input;
  const lines = [`Invalid arguments for ${operation.id} (${operation.method.toUpperCase()} ${operation.path}); nothing was sent:`];
  const shown = new Set<unknown>();
  for (const problem of problems.slice(0, maxProblemsShown)) {
    const credential = problem.keyword === 'required' && credentials?.has(problem.pointer.slice(1)) ? `; ${credentialAsk}` : '';
    lines.push(`- ${readablePointer(problem.pointer)}: ${leafText(problem, described)}${credential}`);
    const sub = problem.schema;
    if (described || sub === undefined || shown.has(sub) || problem.keyword === 'additionalProperties') continue;
    shown.add(sub);
    lines.push(`  schema: ${JSON.stringify(renderSubschema(sub, schema, operation.id))}`);
  }
  if (problems.length > maxProblemsShown) lines.push(`- and ${problems.length - maxProblemsShown} more problems.`);
  if (adjustments.length) lines.push(`Adjusted first: ${adjustments.join(' ')}`);
  lines.push(described ? 'Fix these and call execute_endpoint again.' : 'Fix these and call execute_endpoint again; describe_endpoint shows the whole schema.');
  return lines.join('\n');
}

/**
 * The pointer, with the keys it escapes as written ("80~1tcp" is the key "80/tcp"): a JSON pointer
 * spells "/" and "~" in a key as ~1 and ~0, which reads as a different name.
 */
function readablePointer(pointer: string): string {
  const escaped = pointer
    .split('/')
    .filter((segment) => /~[01]/.test(segment))
    .map((segment) => JSON.stringify(segment.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (!escaped.length) return pointer;
  return `${pointer} (${escaped.length === 1 ? 'the key' : 'the keys'} ${escaped.join(', ')})`;
}

/** One leaf: expected and got; the allowed values only after describe, when few (before, the schema line shows them). */
function leafText(problem: ArgumentProblem, described: boolean): string {
  switch (problem.keyword) {
    case 'required':
      return `missing; required, ${problem.expected}`;
    case 'additionalProperties':
      return `unknown name; ${problem.expected.replace(/^one of the known names; /, '')}`;
  }
  const allowed = problem.allowed;
  let expected = problem.expected;
  if (allowed && allowed.length > 1) {
    if (!described) expected = `one of the ${allowed.length} values of its schema`;
    else if (allowed.length <= fewValues) expected = `one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    else expected = `one of ${allowed.length} values (see describe_endpoint)`;
  }
  return `expected ${expected}; got ${problem.got}`;
}

/**
 * The subschema with the `$defs` it refers to, folded to a few hundred tokens; folded parts name the
 * `id#/pointer` to describe, found by where the subschema sits in the input schema.
 */
function renderSubschema(sub: unknown, root: JsonObject, operationId: string): unknown {
  if (!isObject(sub)) return sub;
  const defs = isObject(root.$defs) ? root.$defs : {};
  const used = reachableDefs(sub, defs);
  const whole: JsonObject = used.size ? { ...sub, $defs: Object.fromEntries([...used].map((name) => [name, defs[name]])) } : sub;
  const at = pointerOf(root, sub);
  const partId = (pointer: string) =>
    pointer.startsWith('/$defs/') || at === undefined ? `${operationId}#${pointer.startsWith('/$defs/') ? pointer : ''}` : `${operationId}#${at}${pointer}`;
  const folded = foldSchema(whole, subschemaChars, partId).schema;
  // A cut enum at the root says where to see all its values, as cuts deeper in do.
  const last = Array.isArray(folded.enum) ? folded.enum.at(-1) : undefined;
  if (at !== undefined && typeof last === 'string' && /^… and \d+ more$/.test(last)) {
    return { ...folded, enum: [...(folded.enum as unknown[]).slice(0, -1), `${last}; describe "${operationId}#${at}" for all`] };
  }
  return folded;
}

/** Where a node sits in the input schema, as a JSON pointer; undefined when it is not part of it. */
function pointerOf(root: unknown, target: unknown): string | undefined {
  const stack: [unknown, string][] = [[root, '']];
  const seen = new Set<unknown>();
  while (stack.length) {
    const [node, pointer] = stack.pop()!;
    if (node === target) return pointer;
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    for (const [key, child] of Object.entries(node))
      if (typeof child === 'object' && child !== null) stack.push([child, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
  }
  return undefined;
}
