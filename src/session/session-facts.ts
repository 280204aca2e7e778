/** @module Facts as lines for an append-only store record: `d"id"` described, `x"id"` executed, `t` tag overview shown. */
import { applyFacts, emptySessionState, type SessionFact, type SessionState } from './session-store.js';

export function encodeFacts(facts: readonly SessionFact[]): Buffer {
  return Buffer.from(facts.map(encodeFact).join(''));
}

function encodeFact(fact: SessionFact): string {
  if ('described' in fact) return `d${JSON.stringify(fact.described)}\n`;
  if ('executed' in fact) return `x${JSON.stringify(fact.executed)}\n`;
  return 't\n';
}

/** The facts of a record; a line that does not parse (a torn or foreign write) is skipped. */
export function decodeFacts(value: Buffer): SessionFact[] {
  const facts: SessionFact[] = [];
  for (const line of value.toString('utf8').split('\n')) {
    if (line === 't') facts.push({ tagOverviewShown: true });
    else if (line.startsWith('d') || line.startsWith('x')) {
      const id = parseId(line.slice(1));
      if (id !== undefined) facts.push(line.startsWith('d') ? { described: id } : { executed: id });
    }
  }
  return facts;
}

export function factsOf(facts: readonly SessionFact[]): SessionState {
  return applyFacts(emptySessionState(), facts);
}

function parseId(text: string): string | undefined {
  try {
    const id: unknown = JSON.parse(text);
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
