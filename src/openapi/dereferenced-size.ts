/**
 * @module How large a document would be with every `$ref` replaced by its target, as strict validation
 * walks it. Each node is measured once, so refs repeated inside repeated refs (a "ref bomb": 35 levels of
 * two refs stand for 2^35 copies) are found in the time the document itself takes to walk.
 */
import { isRef, type RefResolver } from './ref-resolver.js';

/** Strict validation walks the dereferenced document: past this many characters it would take minutes. GitHub's is 73 million. */
export const maxDereferencedChars = 250_000_000;

interface Frame {
  node: object;
  docUrl: string;
  children: [string, unknown, string][];
  next: number;
  chars: number;
}

/** The characters of the dereferenced document, or a number past `limit` as soon as it is known to be larger. A ref back into its own ancestors counts as itself. */
export function dereferencedChars(document: unknown, docUrl: string, resolver: RefResolver, limit = maxDereferencedChars): number {
  if (typeof document !== 'object' || document === null) return 0;
  const measured = new Map<object, number>();
  const open = new Set<object>([document]);
  const frames: Frame[] = [frame(document, docUrl, resolver)];
  let total = 0;
  while (frames.length) {
    const top = frames[frames.length - 1]!;
    if (top.next < top.children.length) {
      const [key, child, childDocUrl] = top.children[top.next++]!;
      top.chars += key.length + 4;
      if (typeof child !== 'object' || child === null) top.chars += typeof child === 'string' ? child.length + 2 : 6;
      else if (measured.has(child)) top.chars += measured.get(child)!;
      else if (open.has(child)) top.chars += 20;
      else {
        open.add(child);
        frames.push(frame(child, childDocUrl, resolver));
      }
      if (top.chars > limit) return top.chars;
      continue;
    }
    frames.pop();
    open.delete(top.node);
    measured.set(top.node, top.chars + 2);
    const parent = frames[frames.length - 1];
    if (parent) {
      parent.chars += top.chars + 2;
      if (parent.chars > limit) return parent.chars;
    } else total = top.chars + 2;
  }
  return total;
}

/** A ref's one child is its target; a ref that cannot be resolved is a leaf. */
function frame(node: object, docUrl: string, resolver: RefResolver): Frame {
  let children: [string, unknown, string][];
  if (isRef(node)) {
    try {
      const target = resolver.resolveRef(node.$ref, docUrl, 'strict validation');
      children = [['$ref', target.value, target.docUrl]];
    } catch {
      children = [['$ref', node.$ref, docUrl]];
    }
  } else {
    children = Array.isArray(node) ? node.map((child, i) => [String(i), child, docUrl]) : Object.entries(node).map(([key, child]) => [key, child, docUrl]);
  }
  return { node, docUrl, children, next: 0, chars: 0 };
}
