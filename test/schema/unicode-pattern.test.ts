// Tests for rewriting patterns written without the `u` flag into equivalent ones that compile with it.
import { describe, expect, test } from 'vitest';
import { toUnicodePattern } from '../../src/schema/unicode-pattern.js';

describe('toUnicodePattern', () => {
  test.each([
    { name: 'a pattern already valid with u', given: '^[a-z0-9-]{1,63}$', want: '^[a-z0-9-]{1,63}$' },
    { name: 'escapes of syntax characters and /', given: '^\\(\\d+\\)\\.\\*\\/\\$$', want: '^\\(\\d+\\)\\.\\*\\/\\$$' },
    { name: '\\- \\: \\_ outside a class', given: '^arn\\:aws\\-cn\\:[a-z]+\\_x$', want: '^arn:aws-cn:[a-z]+_x$' },
    { name: '\\- kept and \\_ \\: \\. \\@ inside a class', given: '[A-Za-z0-9\\:\\-\\_\\.\\@]{0,62}', want: '[A-Za-z0-9:\\-_\\.@]{0,62}' },
    { name: 'escaped quotes, space, hash, comma', given: '^[\\\'\\"\\ \\#\\,]+$', want: '^[\'" #,]+$' },
    { name: 'a - after \\w in a class', given: '^[\\w-.+]+@[\\w-.+]+$', want: '^[\\w\\-.+]+@[\\w\\-.+]+$' },
    { name: 'a - after \\s in a class', given: '^[a-zA-Z0-9\\s-_()\\[\\]]+$', want: '^[a-zA-Z0-9\\s\\-_()\\[\\]]+$' },
    { name: 'a range still a range', given: '^[a-z-_0-9]+$', want: '^[a-z-_0-9]+$' },
    { name: 'braces that are not a quantifier', given: '[a-zA-Z0-9]{1-20}', want: '[a-zA-Z0-9]\\{1-20\\}' },
    { name: 'a lone closing brace and bracket', given: '^\\{[\\w\\s:]*}$|^x]$', want: '^\\{[\\w\\s:]*\\}$|^x\\]$' },
    { name: 'a quantified lookahead', given: '^(/(?!\\.)+[^/]+)$', want: '^(/(?:(?!\\.))+[^/]+)$' },
    { name: 'octal escapes in a class', given: '[^/:|\\000-\\037]+', want: '[^/:|\\x00-\\x1f]+' },
    { name: 'PCRE anchors \\A and \\z', given: '\\A[a-zA-Z0-9_]+\\z', want: '^[a-zA-Z0-9_]+$' },
    { name: "Python's named group", given: '^(?P<id>\\d+)$', want: '^(?<id>\\d+)$' },
    { name: 'a backreference', given: '^(a)\\-\\1$', want: '^(a)-\\1$' },
  ])('rewrites $name', ({ given, want }) => {
    expect(toUnicodePattern(given)).toBe(want);
    expect(() => new RegExp(want, 'u')).not.toThrow();
  });

  test.each([
    { name: 'a Java POSIX class', given: '^[\\p{Print}]*$' },
    { name: 'an escaped letter with no meaning', given: '^\\q$' },
    { name: 'an unterminated class', given: '[a-' },
    { name: 'a Perl code point escape', given: '^[\\x{60}]$' },
  ])('gives up on $name', ({ given }) => {
    expect(toUnicodePattern(given)).toBeUndefined();
  });

  // Without `u` these are what the document's authors tested against; with `u` the rewrite must agree.
  test.each([
    {
      given: '^arn:aws([a-z]|\\-)*:secretsmanager:([a-z]|\\d|\\-)*:([0-9]{12})?:secret:[\\/_+=\\.@\\-A-Za-z0-9]+$',
      samples: [
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:my/key-1.a@b',
        'arn:aws-cn:secretsmanager::123456789012:secret:x',
        'arn:aws:secretsmanager:us:1:secret:x',
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:',
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:a b',
      ],
    },
    { given: '^[\\w-.+]+@[\\w-.+]+$', samples: ['a.b+c@d-e.f', 'a_b@c', 'a@b@c', '@b', 'a b@c', 'a-@-'] },
    { given: '[a-zA-Z0-9]{1-20}', samples: ['x{1-20}', 'abc', 'x{1-2}', '{1-20}', 'Z{1-20}!'] },
    { given: '^(\\+|\\-)[0-9]{2}\\:[0-9]{2}$', samples: ['+05:30', '-11:00', '05:30', '+5:30', '+05-30'] },
    { given: '[^/:|\\000-\\037]+', samples: ['abc', 'a/b', '\u0001', '\u001f', ' ', ':'] },
    {
      given: '^[a-zA-Z0-9\\s!"\\#\\$%\'&\\(\\)\\*\\+\\,\\-\\./:;=\\?@\\[\\\\\\]\\^_`\\{\\|\\}~><]+$',
      samples: ['Hello, world! (1+2=3) [x] {y} ~z^', 'tab\there', 'é', '\\', '<>'],
    },
    { given: '^(/(?!\\.)+[^/]+)$', samples: ['/abc', '/.abc', '//abc', '/a.b'] },
  ])('agrees with the pattern read without u on sample strings: $given', ({ given, samples }) => {
    const rewritten = toUnicodePattern(given)!;
    expect(rewritten).toBeDefined();
    const without = new RegExp(given);
    const withU = new RegExp(rewritten, 'u');
    for (const sample of samples) expect([sample, withU.test(sample)]).toEqual([sample, without.test(sample)]);
  });
});

describe('regular expression literals', () => {
  test.each([
    { name: 'an anchored literal', given: '/^\\d{4}-\\d{2}-\\d{2}$/', want: '^\\d{4}-\\d{2}-\\d{2}$' },
    { name: 'a literal ignoring case', given: '/^SAP[0-9]{9}$/i', want: '^[Ss][Aa][Pp][0-9]{9}$' },
    { name: 'letter ranges ignoring case', given: '/^[a-z0-9_]+[A-F]$/i', want: '^[A-Za-z0-9_]+[a-fA-F]$' },
    { name: 'escapes and group names ignoring case', given: '/^(?<code>\\d\\w)\\k<code>x$/i', want: '^(?<code>\\d\\w)\\k<code>[xX]$' },
    {
      name: 'an unanchored literal with a flag',
      given: '/magnet:\\?xt=urn:[a-z0-9]+/i',
      want: '[mM][aA][gG][nN][eE][tT]:\\?[xX][tT]=[uU][rR][nN]:[A-Za-z0-9]+',
    },
    { name: 'a literal that also needs the u rewrite', given: '/^arn\\:x$/iu', want: '^[aA][rR][nN]:[xX]$' },
    { name: 'a class ending in a hyphen, ignoring case', given: '/^[a-z_-]+$/i', want: '^[A-Za-z_-]+$' },
    { name: 'a negated class ignoring case', given: '/^[^a-z]$/i', want: '^[^A-Za-z]$' },
    { name: 'a class opening with a hyphen, ignoring case', given: '/^[-a]+$/i', want: '^[-Aa]+$' },
    { name: 'a negated class opening with a hyphen', given: '/^[^-a]$/i', want: '^[^-Aa]$' },
    { name: 'slashes a class or a backslash keeps', given: '/^[a/]\\/b$/i', want: '^[Aa/]\\/[bB]$' },
  ])('reads $name as the pattern it means', ({ given, want }) => {
    expect(toUnicodePattern(given)).toBe(want);
    expect(() => new RegExp(want, 'u')).not.toThrow();
  });

  test.each([
    { name: 'a path with slashes', given: '/patient/[0-9a-z]+/coaches' },
    { name: 'slashes that may be meant', given: '/[a-z0-9-]+/' },
    { name: 'a last slash that is escaped', given: '/^a\\/' },
    { name: 'a flag that changes what matches', given: '/^a.b$/s' },
    { name: 'a path whose last segment reads as flags', given: '/api/v1/ui' },
    { name: 'a flag twice', given: '/^x$/ii' },
  ])('leaves $name as written', ({ given }) => {
    expect(toUnicodePattern(given)).toBe(given);
  });

  test('the i flag matches either case, as the document meant', () => {
    const pattern = new RegExp(toUnicodePattern('/^SAP[0-9]{9}$/i')!, 'u');
    expect(['SAP123456789', 'sap123456789', 'SaP123456789', 'SAP12', 'XAP123456789'].map((t) => pattern.test(t))).toEqual([true, true, true, false, false]);
  });
});
