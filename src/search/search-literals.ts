/**
 * @module Literal values in a request (ids, numbers, email addresses, phone numbers, URLs, file names, quoted text, names given):
 * data for the call rather than words to search by, though a file name or URL says what kind of thing it is.
 */

export interface RequestText {
  /** The request with its literals taken out; "send" before a word for a message addressed to someone ("email jane@…": send email). */
  text: string;
  /** What the literals say about the request: "file" for a file name, "url" for a URL, "year" for a year. */
  kinds: string[];
  /** Whether the request names one item by an id or number ("issue 42", "cus_9s6XKz"). */
  namesItem: boolean;
  /**
   * Whether it names one thing by a name of its own ("the staging namespace"; see request-reader): an item, though
   * often the one the request acts in rather than on ("what pods are running in the staging namespace?").
   */
  namesInstance?: boolean;
  /** The prefixes of the ids it names ("cus" of "cus_9s6XKz"), which often abbreviate what the id is of (see id-prefix). */
  idPrefixes: string[];
}

const fileExtensions = 'csv doc docx gif gz html jpeg jpg js json md mov mp3 mp4 pdf png ppt pptx py svg tar ts tsx txt wav xls xlsx xml yaml yml zip';
const fileName = new RegExp(`^[\\w./-]+\\.(?:${fileExtensions.split(' ').join('|')})$`, 'i');
const url = /^(?:https?:\/\/\S+|(?:[\w-]+\.)+(?:com|org|net|io|dev|app)(?:\/\S*)?)$/i;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Words for a message that English uses as verbs to send one ("email Jane", "text Bob"). */
const messageWords = new Set(['email', 'e-mail', 'mail', 'message', 'text', 'sms', 'dm', 'ping', 'fax']);
/** A phone number in international form ("+15551234567"). */
const phoneNumber = /^\+\d{7,15}$/;
/** An id: prefixed ("cus_9s6XKz", "cs_test_a1b2"), a hash ("9f2c1e"), "#42", or letters and digits run together ("abc123"). */
const itemId = /^(?:[a-z]+_(?:[a-z]+_)?(?=\w*[A-Z\d])\w+|#\d+|(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{5,})$/;
/**
 * A lower-case name with a slash inside, among other words ("delete the feature/login branch", "star
 * octocat/hello-world"): a branch, a repository, a path. Alone, or named by the API, it is the API's own.
 */
const slashedName = /^[a-z][a-z0-9._-]*\/[a-z0-9._-]*[a-z0-9]$/;
/** A number, a quantity or a time ("42", "10am", "30-minute"), a version ("v3.1.0"). */
const quantity = /^(?:\$?\d[\w.,:/-]*|v\d+(?:\.\d+)+)$/i;
/** A year of these times ("events in 2024"), which says that the request is about a year as a file name says it is about a file. */
const year = /^(?:19[89]\d|20[0-3]\d)$/;
/** "called Expense Bot", "named scratchpad": a name given, in quotes, capitalised words or one word. */
const naming = /\b(?:called|named|titled)\s+(?:["'`\u2018\u201c][^"'`\u2019\u201d]+["'`\u2019\u201d]|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*|[\w.-]+)/g;
const quoted = /(^|\s)["'`\u2018\u201c][^"'`\u2019\u201d]+["'`\u2019\u201d](?=\s|[.,;:!?]|$)/g;
/**
 * "… saying the deploy finished", "… telling him I'm late": what a message will say, to the end of the request.
 * Not "telling me" or "us": that is often what an endpoint tells ("the report telling me which payouts failed").
 */
const reportedSpeech = /\s(?:saying|telling\s+(?:him|her|them|everyone|everybody))\s.*$/is;

/**
 * Separates the literals from the words of a request. `known` says whether a token is made of the
 * API's own words ("oauth2", "list_v2_items"), which keeps it even when it looks like an id; `named`
 * whether the API names a slashed token in an id or a path ("issues/create", "user/repos"), which keeps it.
 */
export function separateLiterals(query: string, known: (token: string) => boolean = () => false, named: (token: string) => boolean = () => false): RequestText {
  const kinds = new Set<string>();
  let namesItem = false;
  let addressed = false;
  const idPrefixes = new Set<string>();
  const several = /\S\s+\S/.test(query.trim());
  const words = query
    .replace(reportedSpeech, ' ')
    .replace(naming, ' ')
    .replace(quoted, '$1 ')
    .split(/\s+/)
    .map((token, at, tokens) => {
      const bare = token.replace(/^[([<]+|[)\]>.,;:!?]+$/g, '');
      if (!bare) return token;
      // "Email jane@example.com …", "text +15551234567 …": a word for a message, before whom it goes to, asks to send one.
      const recipient = email.test(bare) || phoneNumber.test(bare);
      if (at === 1 && recipient && messageWords.has(tokens[0]!.toLowerCase())) addressed = true;
      if (recipient) return '';
      if (fileName.test(bare) && !url.test(bare)) return (kinds.add('file'), '');
      if (url.test(bare)) return (kinds.add('url'), '');
      if (several && slashedName.test(bare) && !named(bare)) return '';
      if (known(bare)) return token;
      if (itemId.test(bare) || itemId.test(bare.toLowerCase())) {
        const prefix = /^([a-z]{2,8})_/.exec(bare)?.[1];
        if (prefix) idPrefixes.add(prefix);
        return ((namesItem = true), '');
      }
      if (year.test(bare)) return (kinds.add('year'), '');
      return quantity.test(bare) ? '' : token;
    });
  const text = words.filter(Boolean).join(' ');
  return { text: addressed ? `send ${text}` : text, kinds: [...kinds], namesItem, idPrefixes: [...idPrefixes] };
}
