/** @module Input quoted back in messages, cut to a readable length: a 10,000-character id or query comes back as its start and its length. */

/** Characters of an input shown back in a message. */
export const maxEchoChars = 120;

/** The text as given when short; else its start and how long it was. */
export function echoInput(text: string, maxChars = maxEchoChars): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}…(${text.length} characters)`;
}

/** A value as JSON text, cut the same way. */
export function echoValue(value: unknown, maxChars = maxEchoChars): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return echoInput(text, maxChars);
}
