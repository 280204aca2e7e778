/**
 * @module What the verb a request opens with does to data ("block the user" writes), as data:
 * data/request-verbs.json (built by scripts/mine-request-verbs.mjs from how the APIs.guru corpus uses
 * each verb), read on the first search that needs it so that startup does not pay for it.
 */
import { readFileSync } from 'node:fs';

/** What an operation does to data, by its method: GET reads, POST, PUT and PATCH write, DELETE removes. */
export type VerbEffect = 'read' | 'write' | 'remove';

/** Search terms of verbs, each with its effect. */
export type RequestVerbs = ReadonlyMap<string, VerbEffect>;

interface VerbsFile {
  verbs: Record<string, { effect: VerbEffect }>;
}

const defaultFile = new URL('../../data/request-verbs.json', import.meta.url);
let loaded: RequestVerbs | undefined;

/** The shipped verbs, read on first call and kept; none when the file is missing or unreadable. */
export function requestVerbs(): RequestVerbs {
  return (loaded ??= read(defaultFile));
}

function read(file: URL): RequestVerbs {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as VerbsFile;
    return new Map(Object.entries(data.verbs).map(([term, { effect }]) => [term, effect]));
  } catch {
    return new Map();
  }
}
