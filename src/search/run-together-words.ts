/**
 * @module Words run together in an id or a path ("getstationsdata", "addwebhook", "switchschedule"), split
 * by the words the API's own prose uses and the verbs requests open with, so that "add webhook" finds
 * addwebhook rather than the dropwebhook whose description happens to say "webhook".
 */
import { toTerm } from './tokenize.js';
import type { FieldTerms } from './search-fields.js';

/** Shorter terms are words of their own, or too short to split surely. */
const minRunLength = 7;
/** Longer ones are no words run together but data (a hash, a token): splitting costs the square of the length. */
const maxRunLength = 40;
/** Each part at least this long: "in", "to" and "at" would split anything. */
const minPartLength = 3;
const maxParts = 4;

/** The terms run together that were split, each with its parts. */
export type RunTogetherTerms = ReadonlyMap<string, readonly string[]>;

/**
 * Adds to each operation's id and path terms the parts of a term run together from words, when the whole
 * term is nowhere in the API's prose and it splits fully into words that are: its summaries, descriptions,
 * parameters and tags, or `verbs`. The term itself stays, for a request that writes it as one word.
 */
export function splitRunTogetherTerms(perDoc: FieldTerms[], verbs: Pick<ReadonlySet<string>, 'has'>): RunTogetherTerms {
  const prose = new Set<string>();
  for (const fields of perDoc)
    for (const field of [fields.summary, fields.description, fields.parameter, fields.tag, fields.pathParam]) for (const term of field) prose.add(term);
  const known = (part: string) => prose.has(part) || verbs.has(part);
  const parts = new Map<string, string[] | undefined>();
  const partsOf = (term: string) => {
    if (!parts.has(term))
      parts.set(
        term,
        term.length >= minRunLength && term.length <= maxRunLength && /^[a-z]+$/.test(term) && !prose.has(term)
          ? (splitWhole(term, known) ?? splitEndingInE(term, known))
          : undefined,
      );
    return parts.get(term);
  };
  for (const fields of perDoc) {
    // Kubernetes' path says "podtemplates" where its id says PodTemplate: those parts are there already.
    const own = new Set([...fields.id, ...fields.path]);
    for (const field of ['id', 'path'] as const) {
      const added = fields[field].flatMap((term) => {
        const split = partsOf(term);
        return split && !split.every((part) => own.has(part)) ? split : [];
      });
      if (added.length) fields[field] = [...new Set([...fields[field], ...added])];
    }
  }
  return new Map([...parts].flatMap(([term, split]): [string, string[]][] => (split ? [[term, split]] : [])));
}

/**
 * Adds each run-together term to the ids and paths that say its words apart, in order: "getUsers" says "getuser" as
 * surely as Vonage's getuserConversations does, and a request of "get users" (joined, a term of the API's)
 * must not find only the operation whose author ran the words together.
 */
export function addRunTogetherForms(perDoc: FieldTerms[], runTogether: RunTogetherTerms): void {
  const byFirstPart = new Map<string, [string, readonly string[]][]>();
  for (const [term, split] of runTogether) byFirstPart.set(split[0]!, [...(byFirstPart.get(split[0]!) ?? []), [term, split]]);
  if (!byFirstPart.size) return;
  for (const fields of perDoc) {
    // Kubernetes' ids say PersistentVolumeClaim where its paths say "persistentvolumeclaims": said already.
    const own = new Set([...fields.id, ...fields.path]);
    for (const field of ['id', 'path'] as const) {
      const terms = fields[field];
      // Its words in order, one after another: "getUsers", not "getConversationUser" nor "userGet".
      const saysApart = (split: readonly string[], at: number) => split.every((part, k) => terms[at + k] === part);
      const joined = terms.flatMap((term, at) =>
        (byFirstPart.get(term) ?? []).flatMap(([whole, split]) => (!own.has(whole) && saysApart(split, at) ? [whole] : [])),
      );
      if (joined.length) fields[field] = [...new Set([...terms, ...joined])];
    }
  }
}

/**
 * The parts of a run whose final "e" the stemmer took, though its last word, of four letters, keeps it as a
 * term of its own: "countrycode" is "countrycod", "code" is "code". Not of a shorter last word: "poweron" is
 * no "power one".
 */
function splitEndingInE(term: string, known: (term: string) => boolean): string[] | undefined {
  const split = splitWhole(`${term}e`, known);
  return split?.at(-1)!.length === 4 ? split : undefined;
}

/** The fewest known terms `word` is made of, each part read as a term; undefined when it is not made of them. */
function splitWhole(word: string, known: (term: string) => boolean): string[] | undefined {
  // best[i]: the fewest parts making word.slice(0, i), as terms.
  const best: (string[] | undefined)[] = [[]];
  for (let end = minPartLength; end <= word.length; end++) {
    for (let start = 0; start <= end - minPartLength; start++) {
      const before = best[start];
      if (!before || before.length >= maxParts || (best[end] && best[end]!.length <= before.length + 1)) continue;
      const term = toTerm(word.slice(start, end));
      if (known(term)) best[end] = [...before, term];
    }
  }
  const whole = best[word.length];
  return whole && whole.length > 1 ? whole : undefined;
}
