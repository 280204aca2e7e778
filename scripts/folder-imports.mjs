// Folder-to-folder imports of src/ and the cycles among them: folders must import one way only.
// A folder of src/ is one node; a file directly under src/ is a node of its own. Type-only and dynamic
// imports count too: a cycle through types is still two layers that know each other.
// Run: node scripts/folder-imports.mjs [--list]   (exits 1 when there is a cycle; `npm run check` runs it)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Every .ts file under src/, as paths relative to it. */
function sourceFiles(folder = src) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(src, path)] : [];
  });
}

/** `tools` for tools/list-endpoints.ts; `config.ts` for a file directly under src/. */
function nodeOf(file) {
  return file.split(sep)[0];
}

const importPattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Edges between nodes, each with the file imports that make it. */
export function folderImports() {
  const edges = new Map();
  for (const file of sourceFiles()) {
    const text = readFileSync(join(src, file), 'utf8');
    for (const match of text.matchAll(importPattern)) {
      const target = normalize(join(dirname(file), match[1])).replace(/\.js$/, '.ts');
      if (target.startsWith('..')) continue; // outside src/ (package.json)
      const from = nodeOf(file);
      const to = nodeOf(target);
      if (from === to) continue;
      const key = `${from}\0${to}`;
      if (!edges.has(key)) edges.set(key, { from, to, imports: [] });
      edges.get(key).imports.push(`${file} -> ${target}`);
    }
  }
  return [...edges.values()];
}

/** Strongly connected components of more than one node (Tarjan): each is a set of nodes that import each other. */
export function cycles(edges) {
  const next = new Map();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    if (!next.has(to)) next.set(to, []);
    next.get(from).push(to);
  }
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const to of next.get(node)) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...next.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const edges = folderImports().sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));
  if (process.argv.includes('--list')) for (const { from, to, imports } of edges) console.log(`${from} -> ${to} (${imports.length})`);
  const found = cycles(edges);
  for (const component of found) {
    console.error(`src/ folders that import each other: ${component.join(', ')}`);
    const members = new Set(component);
    for (const edge of edges) if (members.has(edge.from) && members.has(edge.to)) for (const line of edge.imports) console.error(`  ${line}`);
  }
  if (found.length) process.exitCode = 1;
}
