/**
 * @module Bounds on the shape of a parsed document, checked once at load without recursion: how deeply it
 * nests, and for YAML, how large its aliases make it once written out in full (a few lines of nested
 * aliases can stand for billions of nodes, which every later walk would have to visit).
 */
import { SpecLoadError } from '../errors.js';
import { formatPointer, tooDeepAt } from './value-nesting.js';

/** Deepest nesting of objects and arrays accepted. Real documents stay under 40 (the deepest of 2,600 APIs.guru documents: 34). */
export const maxNesting = 256;
/** What aliases may add, in characters written out: twice the text's size, plus this much. */
export const aliasAllowanceChars = 10_000_000;

/**
 * Throws when a plain tree nests deeper than `maxNesting`. Checked before walks that recurse over a whole
 * document (Swagger 2.0 conversion, strict validation); serving walks only parts, each bounded.
 */
export function checkNesting(value: unknown, where: string): void {
  const trail = tooDeepAt(value, maxNesting);
  if (trail) throw tooDeep(where, trail);
}

interface Frame {
  node: object;
  key: string;
  children: [string, unknown][];
  next: number;
  chars: number;
  height: number;
}

/**
 * Throws when a YAML document's aliases make it larger than `2 × textChars + aliasAllowanceChars` written
 * out, nest it deeper than `maxNesting`, or refer to a node from inside itself. Each node is measured once,
 * so the check costs what the written text does, whatever the aliases stand for.
 */
export function checkExpansion(value: unknown, where: string, textChars: number): void {
  if (!isContainer(value)) return;
  const limit = 2 * textChars + aliasAllowanceChars;
  const measured = new Map<object, { chars: number; height: number }>();
  const open = new Set<object>([value]);
  const frames: Frame[] = [frame(value, '')];
  const pointer = (extra?: string) => [...frames.slice(1).map((f) => f.key), ...(extra === undefined ? [] : [extra])];
  while (frames.length) {
    const top = frames[frames.length - 1]!;
    if (top.next < top.children.length) {
      const [key, child] = top.children[top.next++]!;
      top.chars += key.length + 4;
      if (!isContainer(child)) {
        top.chars += typeof child === 'string' ? child.length + 2 : 6;
        continue;
      }
      const known = measured.get(child);
      if (known) {
        if (frames.length + known.height > maxNesting) throw tooDeep(where, pointer(key));
        top.chars += known.chars;
        top.height = Math.max(top.height, known.height + 1);
      } else if (open.has(child)) {
        throw new SpecLoadError(
          `${where} has a YAML alias inside the node it refers to (at ${formatPointer(pointer(key))}), which never ends; it is not loaded.`,
          {
            hint: 'Refer to that node with a $ref instead of an alias.',
          },
        );
      } else {
        if (frames.length >= maxNesting) throw tooDeep(where, pointer(key));
        open.add(child);
        frames.push(frame(child, key));
      }
      continue;
    }
    frames.pop();
    open.delete(top.node);
    const size = { chars: top.chars + 2, height: top.height };
    if (size.chars > limit) {
      throw new SpecLoadError(
        `${where} uses YAML aliases that make it more than ${limit} characters long written out (at ${formatPointer(pointer(top.key))}), over the limit of twice its size plus ${aliasAllowanceChars}; it is not loaded.`,
        { hint: 'Aliases repeated inside repeated aliases (an "alias bomb") do this. Write a shared part once under components and refer to it with $ref.' },
      );
    }
    measured.set(top.node, size);
    const parent = frames[frames.length - 1];
    if (parent) {
      parent.chars += size.chars;
      parent.height = Math.max(parent.height, size.height + 1);
    }
  }
}

function frame(node: object, key: string): Frame {
  return { node, key, children: entries(node), next: 0, chars: 0, height: 1 };
}

function entries(node: object): [string, unknown][] {
  return Array.isArray(node) ? node.map((child, i) => [String(i), child]) : Object.entries(node);
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function tooDeep(where: string, trail: string[]): SpecLoadError {
  return new SpecLoadError(`${where} is nested more than ${maxNesting} levels deep (at ${formatPointer(trail)}); no API needs that, so it is not loaded.`, {
    hint: 'Check the document, or the tool that wrote it.',
  });
}
