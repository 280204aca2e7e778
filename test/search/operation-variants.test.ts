import { describe, expect, test } from 'vitest';
import { groupVariants } from '../../src/search/operation-variants.js';
import { catalogOf } from '../support/connect.js';
import { operationOf } from '../support/operation.js';

const spec = new URL('../fixtures/specs/mounted-copies.yaml', import.meta.url).pathname;
const sameSummary = new URL('../fixtures/specs/same-summary-elsewhere.yaml', import.meta.url).pathname;

describe('groupVariants', () => {
  test('copies of one operation under other parents join the first one met, in the order given', async () => {
    const { operations } = await catalogOf(spec);
    const groups = groupVariants(operations);
    const events = groups.find((g) => g.operation.id === 'me.ListEvents')!;
    expect(events.variants.map((v) => v.id)).toEqual(['users.ListEvents', 'groups.ListEvents', 'groups.calendar.ListEvents']);
    const reversed = groupVariants([...operations].reverse()).find((g) => g.variants.some((v) => v.id === 'me.ListEvents'))!;
    expect(reversed.operation.id).toBe('groups.calendar.ListEvents');
  });

  test('another method, an item rather than the collection, another resource or another summary stay apart', async () => {
    const { operations } = await catalogOf(spec);
    const alone = groupVariants(operations)
      .filter((g) => !g.variants.length)
      .map((g) => g.operation.id);
    expect(alone).toEqual(expect.arrayContaining(['groups.calendar.CreateEvents', 'me.GetEvents', 'me.ListMessages', 'GET /reports/events']));
  });

  test("Google's ids that end in a bare method, or operations taking other inputs, are no copies (Cloud Storage's access lists and IAM policies)", () => {
    const google = (operationId: string, path: string, query: string[] = []) =>
      operationOf({
        id: operationId,
        operationId,
        method: 'get',
        path,
        tags: [operationId.split('.')[1]!],
        parameters: query.map((name) => ({ name, in: 'query' as const })),
      });
    const groups = groupVariants([
      google('storage.bucketAccessControls.list', '/b/{bucket}/acl'),
      google('storage.objectAccessControls.list', '/b/{bucket}/o/{object}/acl', ['generation']),
      google('storage.buckets.getIamPolicy', '/b/{bucket}/iam', ['optionsRequestedPolicyVersion']),
      google('storage.objects.getIamPolicy', '/b/{bucket}/o/{object}/iam', ['generation', 'optionsRequestedPolicyVersion']),
    ]);
    expect(groups.every((g) => g.variants.length === 0)).toBe(true);
  });

  test('operations with neither summary nor operationId are never taken for copies', async () => {
    const { operations } = await catalogOf(spec);
    const ids = groupVariants(operations).map((g) => g.operation.id);
    expect(ids).toEqual(expect.arrayContaining(['GET /archive/events', 'GET /legacy/events']));
  });

  test('of one family and summary, copies share their tags or the last part of their operationId, their API version and their body; others stay apart', async () => {
    const { operations } = await catalogOf(sameSummary);
    const groups = Object.fromEntries(groupVariants(operations).map((g) => [g.operation.id, g.variants.map((v) => v.id)]));
    expect(groups).toEqual({
      // A user's meetings and the dashboard's: other tags, other operationIds.
      meetings: [],
      dashboardMeetings: [],
      // Azure's slot variant: the same tag.
      WebApps_ListBackups: ['WebApps_ListBackupsSlot'],
      // Graph's copies: other tags, the same operationId after the namespace.
      'me.ListContacts': ['users.ListContacts'],
      // Square's refunds of API versions 1 and 2: the same tag and summary, other parameters.
      'GET /v2/locations/{location_id}/refunds': [],
      ListRefunds: [],
      // Plaid's identity of an item and of a processor: the same tag and summary, other request bodies.
      identityGet: [],
      processorIdentityGet: [],
      // Graph's copies take the same body.
      'me.CreateEvents': ['users.CreateEvents'],
    });
  });
});
