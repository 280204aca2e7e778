/**
 * @module Pure serializers for OpenAPI parameters by `style` and `explode`, following the specification's
 * style table (https://spec.openapis.org/oas/v3.1.0#style-examples). Results are already percent-encoded
 * where the location needs it.
 */

export type ParamValue = unknown;

/** RFC 3986 unreserved characters are never encoded. */
const unreserved = /[A-Za-z0-9\-._~]/;
/**
 * RFC 3986 reserved characters, left as they are when `allowReserved` is true. Not `#`, `[` and `]`:
 * a query cannot hold them raw (`#` would start the fragment), so OAS 3.1.1 still requires encoding them.
 */
const reserved = /[:/?@!$&'()*+,;=]/;

/** Percent-encodes every character but the unreserved ones (and the reserved ones when allowed). */
export function encodeValue(text: string, allowReserved = false): string {
  let out = '';
  for (const char of text) {
    if (unreserved.test(char) || (allowReserved && reserved.test(char))) out += char;
    else out += encodeURIComponent(char).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  }
  return out;
}

/** A primitive as text; nested objects and arrays as JSON rather than "[object Object]". */
export function primitiveText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

type Shape = { kind: 'primitive'; text: string } | { kind: 'array'; items: string[] } | { kind: 'object'; entries: [string, string][] };

function shapeOf(value: unknown): Shape {
  if (Array.isArray(value)) return { kind: 'array', items: value.map(primitiveText) };
  if (value !== null && typeof value === 'object') {
    return {
      kind: 'object',
      entries: Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, primitiveText(v)]),
    };
  }
  return { kind: 'primitive', text: primitiveText(value) };
}

/** Path parameters: `simple` (default), `label` and `matrix`. Every value is encoded, so it stays inside its segment. */
export function serializePathParam(name: string, value: ParamValue, style = 'simple', explode = false): string {
  const enc = (t: string) => encodeValue(t);
  const shape = shapeOf(value);
  const list = (sep: string): string => {
    if (shape.kind === 'primitive') return enc(shape.text);
    if (shape.kind === 'array') return shape.items.map(enc).join(sep);
    return explode ? shape.entries.map(([k, v]) => `${enc(k)}=${enc(v)}`).join(sep) : shape.entries.flatMap(([k, v]) => [enc(k), enc(v)]).join(',');
  };
  switch (style) {
    case 'label':
      return `.${list(explode ? '.' : ',')}`;
    case 'matrix': {
      const n = enc(name);
      if (shape.kind === 'primitive') return shape.text === '' ? `;${n}` : `;${n}=${enc(shape.text)}`;
      if (shape.kind === 'array') return explode ? shape.items.map((i) => `;${n}=${enc(i)}`).join('') : `;${n}=${shape.items.map(enc).join(',')}`;
      return explode ? shape.entries.map(([k, v]) => `;${enc(k)}=${enc(v)}`).join('') : `;${n}=${list(',')}`;
    }
    default:
      return list(',');
  }
}

export interface QueryStyleOptions {
  /** `form` (default), `spaceDelimited`, `pipeDelimited` or `deepObject`. */
  style?: string;
  /** Default true for `form`, false otherwise. */
  explode?: boolean;
  allowReserved?: boolean;
}

/** Query parameters: returns the `name=value` pieces to join with `&` (none for an empty array). */
export function serializeQueryParam(name: string, value: ParamValue, options: QueryStyleOptions = {}): string[] {
  const style = options.style ?? 'form';
  const explode = options.explode ?? style === 'form';
  const enc = (t: string) => encodeValue(t, options.allowReserved);
  const n = encodeValue(name);
  if (style === 'deepObject') return deepObjectPieces(n, value, enc);
  const shape = shapeOf(value);
  if (shape.kind === 'primitive') return [`${n}=${enc(shape.text)}`];
  if (shape.kind === 'array') {
    if (!shape.items.length) return [];
    if (explode) return shape.items.map((i) => `${n}=${enc(i)}`);
    // `|` is not allowed raw in a URI; the OAS 3.1.1 style table writes it as %7C.
    const sep = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',';
    return [`${n}=${shape.items.map(enc).join(sep)}`];
  }
  if (explode) return shape.entries.map(([k, v]) => `${encodeValue(k)}=${enc(v)}`);
  const sep = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '%7C' : ',';
  return [`${n}=${shape.entries.flatMap(([k, v]) => [enc(k), enc(v)]).join(sep)}`];
}

/** `deepObject`: `filter[status]=open`, nested objects one bracket per level, arrays as `[]`. */
function deepObjectPieces(prefix: string, value: unknown, enc: (t: string) => string): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => deepObjectPieces(`${prefix}%5B%5D`, item, enc));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (v === undefined ? [] : deepObjectPieces(`${prefix}%5B${encodeValue(k)}%5D`, v, enc)));
  }
  return [`${prefix}=${enc(primitiveText(value))}`];
}

/** Header parameters: `simple` style, not percent-encoded (the caller rejects CR/LF). */
export function serializeHeaderParam(value: ParamValue, explode = false): string {
  const shape = shapeOf(value);
  if (shape.kind === 'primitive') return shape.text;
  if (shape.kind === 'array') return shape.items.join(',');
  return explode ? shape.entries.map(([k, v]) => `${k}=${v}`).join(',') : shape.entries.flatMap(([k, v]) => [k, v]).join(',');
}

/** Cookie parameters: `form` style; returns the `name=value` pairs for the Cookie header. */
export function serializeCookieParam(name: string, value: ParamValue, explode = true): string[] {
  const shape = shapeOf(value);
  const enc = (t: string) => encodeValue(t);
  if (shape.kind === 'primitive') return [`${name}=${enc(shape.text)}`];
  if (shape.kind === 'array') return explode ? shape.items.map((i) => `${name}=${enc(i)}`) : [`${name}=${shape.items.map(enc).join(',')}`];
  return explode ? shape.entries.map(([k, v]) => `${k}=${enc(v)}`) : [`${name}=${shape.entries.flatMap(([k, v]) => [enc(k), enc(v)]).join(',')}`];
}
