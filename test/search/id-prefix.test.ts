// Tests for reading what an id's prefix abbreviates among an API's collections.
import { describe, expect, test } from 'vitest';
import { resourceNames, resourcesOfPrefix } from '../../src/search/id-prefix.js';

const names = resourceNames([
  '/v1/customers/{customer}',
  '/v1/customers/{customer}/sources',
  '/v1/payment_methods/{payment_method}/detach',
  '/v1/checkout/sessions/{session}',
  '/v1/issuing/cards/{card}',
  '/v1/issuing/cardholders/{cardholder}',
  '/v1/accounts/{account}/persons/{person}',
  '/v1/payouts/{payout}',
  '/v1/invoices/search',
  '/v1/charges/{charge}',
  '/v1/transfers/{transfer}',
  '/v1/tax_rates/{tax_rate}',
]);

describe('resourceNames', () => {
  test('the fixed segment before a parameter, alone and with the one before it; no version, no action', () => {
    expect(names.map((words) => words.join(' '))).toEqual([
      'customers',
      'payment methods',
      'sessions',
      'checkout sessions',
      'cards',
      'issuing cards',
      'cardholders',
      'issuing cardholders',
      'accounts',
      'persons',
      'payouts',
      'charges',
      'transfers',
      'tax rates',
    ]);
  });
});

describe('resourcesOfPrefix', () => {
  test.each([
    ['cus', [['customers']]],
    // The name itself, then one it starts, before initials or letters further in.
    ['card', [['cards']]],
    ['ch', [['charges']]],
    ['tr', [['transfers']]],
    ['pm', [['payment', 'methods']]],
    ['cs', [['checkout', 'sessions']]],
    ['ich', [['issuing', 'cardholders']]],
    [
      'ic',
      [
        ['issuing', 'cards'],
        ['issuing', 'cardholders'],
      ],
    ],
    ['acct', [['accounts']]],
    ['po', [['persons'], ['payouts']]],
    ['zz', []],
  ])('%s', (prefix, expected) => {
    expect(resourcesOfPrefix(prefix, names)).toEqual(expected);
  });
});
