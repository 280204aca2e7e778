/** @module Which properties of a multipart body hold files: binary schemas, found through `$ref`s and `allOf`. */
import { isObject } from '../base/json.js';
import type { RefResolver } from '../openapi/ref-resolver.js';
import { isBinarySchema } from '../schema/file-schema.js';

/** How to follow the `$ref`s of a body schema. */
export interface SchemaLookup {
  resolver: Pick<RefResolver, 'deref'>;
  /** The document the body schema is written in; its `$ref`s resolve against it. */
  docUrl: string;
}

interface Located {
  value: unknown;
  docUrl: string;
}

/**
 * The names of the properties whose schema, or whose `items` schema, is binary. Without a lookup only
 * inline schemas are read; a `$ref` that does not resolve counts as not binary (the request still goes).
 */
export function fileProperties(schema: unknown, lookup?: SchemaLookup): Set<string> {
  const files = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: Located): void => {
    const { value, docUrl } = follow(node, lookup);
    if (!isObject(value) || seen.has(value)) return;
    seen.add(value);
    if (isObject(value.properties)) {
      for (const [name, property] of Object.entries(value.properties)) {
        const part = follow({ value: property, docUrl }, lookup);
        const items = isObject(part.value) ? follow({ value: part.value.items, docUrl: part.docUrl }, lookup).value : undefined;
        if (isBinarySchema(part.value) || isBinarySchema(items)) files.add(name);
      }
    }
    if (Array.isArray(value.allOf)) for (const member of value.allOf) visit({ value: member, docUrl });
  };
  visit({ value: schema, docUrl: lookup?.docUrl ?? '' });
  return files;
}

function follow(node: Located, lookup: SchemaLookup | undefined): Located {
  if (!lookup || !isObject(node.value) || typeof node.value.$ref !== 'string') return node;
  try {
    return lookup.resolver.deref(node.value, node.docUrl, 'a multipart request body');
  } catch {
    return { value: undefined, docUrl: node.docUrl };
  }
}
