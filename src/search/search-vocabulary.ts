/**
 * @module The bridge between how people ask and how APIs name things, as data: data/search-vocabulary.json
 * (built by scripts/mine-search-vocabulary.mjs, each entry backed by evidence from the APIs.guru corpus),
 * read on the first search that needs it so that startup does not pay for it.
 */
import { readFileSync } from 'node:fs';
import { singular, stem } from './tokenize.js';

/** Phrases and words of a request, and what each stands for in API terms (as words, not yet terms). */
export interface SearchVocabulary {
  /** Multi-word phrases, matched on the lowercased request before it is split into words. */
  phrases: [RegExp, string][];
  /** Single words: what each may mean. */
  words: Map<string, string[]>;
}

interface VocabularyFile {
  entries: { when: string[]; means: string[] }[];
}

const defaultFile = new URL('../../data/search-vocabulary.json', import.meta.url);
const loaded = new Map<string, SearchVocabulary>();
const none: SearchVocabulary = { phrases: [], words: new Map() };

/** The vocabulary in `file` (default: the shipped data), read on first call and kept; empty when the file is missing or unreadable. */
export function searchVocabulary(file: URL = defaultFile): SearchVocabulary {
  let vocabulary = loaded.get(file.href);
  if (!vocabulary) loaded.set(file.href, (vocabulary = read(file)));
  return vocabulary;
}

function read(file: URL): SearchVocabulary {
  let data: VocabularyFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as VocabularyFile;
  } catch {
    return none;
  }
  return vocabularyOf(data.entries);
}

/** Builds the lookup structures from entries of "when a request says one of these, it means these words". */
export function vocabularyOf(entries: VocabularyFile['entries']): SearchVocabulary {
  const phrases: [RegExp, string][] = [];
  const words = new Map<string, string[]>();
  for (const { when, means } of entries) {
    const multi = when.filter((w) => /\s/.test(w.trim()));
    if (multi.length) {
      const alternatives = multi.map((p) =>
        p
          .trim()
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\s+/g, '\\s+'),
      );
      phrases.push([new RegExp(`(?<![\\w+])(?:${alternatives.join('|')})(?![\\w+])`, 'g'), means.join(' ')]);
    }
    for (const word of when.filter((w) => !/\s/.test(w.trim()))) words.set(word.trim().toLowerCase(), means);
  }
  return { phrases, words };
}

/** What a word may mean: looked up as typed, as a singular, then as a stem. */
export function wordMeanings(vocabulary: SearchVocabulary, word: string): string[] | undefined {
  return vocabulary.words.get(word) ?? vocabulary.words.get(singular(word)) ?? vocabulary.words.get(stem(word));
}
