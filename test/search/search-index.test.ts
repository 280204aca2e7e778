// Tests for ranking operations: what a request means to do, literals, and what each operation is.
import { describe, expect, test } from 'vitest';
import type { HttpMethod } from '../../src/base/http-methods.js';
import type { Operation } from '../../src/openapi/operation.js';
import { methodPathId } from '../../src/openapi/operation.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { vocabularyOf } from '../../src/search/search-vocabulary.js';
import { operationOf } from '../support/operation.js';

function operation(id: string, method: HttpMethod, path: string, description: string, extra: Partial<Operation> = {}): Operation {
  return operationOf({ id, method, path, description, ...extra });
}

const payments = new SearchIndex(
  [
    operation('GetCustomers', 'get', '/v1/customers', 'Returns a list of your customers.'),
    operation('PostCustomers', 'post', '/v1/customers', 'Creates a new customer object.'),
    operation('GetCustomersCustomer', 'get', '/v1/customers/{customer}', 'Retrieves a Customer object.'),
    operation('PostCustomersCustomer', 'post', '/v1/customers/{customer}', 'Updates the specified customer.'),
    operation('DeleteCustomersCustomer', 'delete', '/v1/customers/{customer}', 'Permanently deletes a customer.'),
    operation('GetDisputes', 'get', '/v1/disputes', 'Returns a list of your disputes.'),
    operation('PostSubscriptionsSubscription', 'post', '/v1/subscriptions/{subscription}', 'Updates a subscription.', {
      requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { cancel_at_period_end: {} } } } } },
    }),
    operation('DeleteSubscriptionsSubscription', 'delete', '/v1/subscriptions/{subscription}', 'Cancels a subscription immediately.'),
  ],
  {
    vocabulary: vocabularyOf([
      { when: ['chargeback'], means: ['dispute'] },
      { when: ['get rid of'], means: ['delete', 'disable'] },
    ]),
  },
);

const first = (index: SearchIndex, query: string) => index.search(query, { limit: 1 })[0]?.operation.id;

describe('SearchIndex', () => {
  test.each([
    { query: 'add a new customer', want: 'PostCustomers' },
    { query: 'show me every customer', want: 'GetCustomers' },
    { query: 'change the customer', want: 'PostCustomersCustomer' },
    { query: 'get rid of that customer', want: 'DeleteCustomersCustomer' },
    { query: 'customer cus_9s6XKzkNRiz8i3', want: 'GetCustomersCustomer' },
    { query: 'show me the chargebacks', want: 'GetDisputes' },
  ])('reads what "$query" means to do: $want', ({ query, want }) => {
    expect(first(payments, query)).toBe(want);
  });

  test('a request spelling out an input by name prefers the operation that takes it', () => {
    expect(first(payments, 'cancel the subscription at the end of the period')).toBe('PostSubscriptionsSubscription');
  });

  test('an id in the request is not searched for as words, but its prefix says what it is of', () => {
    expect(payments.search('zq_NeZwdNtLEOXuvB').map((h) => h.operation.id)).toEqual([]);
    // "cus" abbreviates the collection /v1/customers/{customer}: the one customer comes first.
    expect(payments.search('cus_NeZwdNtLEOXuvB')[0]!.operation.id).toBe('GetCustomersCustomer');
    expect(first(payments, 'what does cus_NeZwdNtLEOXuvB have')).toBe('GetCustomersCustomer');
  });

  test('words every object inherits are searched for like any other', () => {
    expect(payments.search('constructor toString')).toEqual([]);
  });

  test('of two equal matches the shallower, the documented and the current one rank first', () => {
    const summary = 'List events';
    const index = new SearchIndex([
      operation('deep', 'get', '/groups/{group-id}/calendar/events', 'Sorted by start time.', { summary }),
      operation('shallow', 'get', '/me/events', 'Sorted by start time.', { summary }),
      operation('undocumented', 'get', '/users/{id}/events', '', { summary }),
      operation('old', 'get', '/events', 'Sorted by start time.', { summary, deprecated: true }),
    ]);
    const ranked = index.search('list events').map((h) => h.operation.id);
    expect(ranked.slice(0, 2)).toEqual(['shallow', 'deep']);
    expect(ranked.indexOf('undocumented')).toBeGreaterThan(ranked.indexOf('deep'));
    // The shallowest of all, yet after its current equals.
    expect(ranked.indexOf('old')).toBeGreaterThan(ranked.indexOf('deep'));
  });

  test('in a document that describes few operations, a missing description is its habit, not a sign of plumbing', () => {
    // As Increase's, which describes its approvals and simulations and gives its creations and lists a summary only.
    const index = new SearchIndex([
      operation('described', 'post', '/ach_transfers/{id}/approve', 'Only while it is pending.', { summary: 'Approve an ACH Transfer' }),
      operation('undescribed', 'post', '/ach_transfers/{id}/approve', '', { summary: 'Approve an ACH Transfer' }),
      operation('simulate', 'post', '/simulations/wire_transfers', 'Simulates a wire transfer to your account.', { summary: 'Simulate a Wire Transfer' }),
      ...['card', 'account', 'document', 'entity', 'program'].map((thing) =>
        operation(`list_${thing}s`, 'get', `/${thing}s`, '', { summary: `List ${thing}s` }),
      ),
    ]);
    const [described, undescribed] = ['described', 'undescribed'].map(
      (id) => index.search('approve the ACH transfer').find((h) => h.operation.id === id)!.score,
    );
    expect(undescribed).toBeCloseTo(described!);
  });

  test('an id naming the current user speaks of the caller, as "/me" does', () => {
    const index = new SearchIndex([
      operation('userCurrentListRepos', 'get', '/user/repos', '', { summary: 'List the repos that the authenticated user owns' }),
      operation('userCurrentListStarred', 'get', '/user/starred', '', { summary: 'The repos that the authenticated user has starred' }),
      operation('createCurrentUserRepo', 'post', '/user/repos', '', { summary: 'Create a repository' }),
      operation('adminCreateRepo', 'post', '/admin/users/{username}/repos', '', { summary: 'Create a repository on behalf of a user' }),
      ...['branch', 'hook', 'label', 'milestone', 'release', 'key', 'token', 'team'].map((thing) =>
        operation(`repoCreate${thing}`, 'post', `/repos/{owner}/{repo}/${thing}s`, '', { summary: `Create a ${thing}` }),
      ),
    ]);
    expect(first(index, 'create repository for authenticated user')).toBe('createCurrentUserRepo');
    expect(first(index, 'create a repository for me')).toBe('createCurrentUserRepo');
  });

  test('"me" as a word of a name (Graph\'s sharedWithMe) speaks of the caller too', () => {
    const index = new SearchIndex([
      operation('drives.drive.sharedWithMe', 'get', '/drives/{drive-id}/microsoft.graph.sharedWithMe()', '', { summary: 'Invoke function sharedWithMe' }),
      operation('shares.ListSharedDriveItem', 'get', '/shares', '', { summary: 'Accessing shared DriveItems' }),
      operation('drives.ListItems', 'get', '/drives/{drive-id}/items', '', { summary: 'List items shared in a drive' }),
      ...['channels', 'teams', 'sites'].map((thing) =>
        operation(`${thing}.ListShared`, 'get', `/${thing}/{id}/shared`, '', { summary: `List shared ${thing}` }),
      ),
    ]);
    expect(first(index, 'shared with me')).toBe('drives.drive.sharedWithMe');
  });

  test('two words of the request that the API writes as one are found as that word ("work" and "log": worklog)', () => {
    const index = new SearchIndex([
      operation('addWorklog', 'post', '/issue/{issueIdOrKey}/worklog', 'Adds a worklog to an issue.', { summary: 'Add worklog' }),
      operation('getChangeLogs', 'get', '/issue/{issueIdOrKey}/changelog', 'Returns the changelogs of an issue.', { summary: 'Get change logs' }),
      operation('getAuditRecords', 'get', '/auditing/record', 'Returns the audit log records.', { summary: 'Get audit records' }),
      operation('updateWorkflow', 'put', '/workflow/{id}', 'Updates a workflow.', { summary: 'Update workflow' }),
    ]);
    expect(first(index, 'log 3 hours of work on PAY-88')).toBe('addWorklog');
  });

  test('what follows "by" narrows what is asked for: never rarer than it, and no word the title must have', () => {
    const index = new SearchIndex([
      operation('Companies_Query', 'post', '/V1.0/Companies/query', ''),
      ...['Alerts', 'Contacts', 'Locations', 'Notes'].map((child) => operation(`Company${child}Child_Query`, 'get', `/V1.0/Companies/{parentId}/${child}`, '')),
      ...['', 'Child'].map((child) =>
        operation(`ConfigurationItemSslSubjectAlternativeNames${child}_Query`, 'get', `/V1.0/ConfigurationItemSslSubjectAlternativeNames${child}/query`, ''),
      ),
      operation('getUser', 'get', '/users/{id}', 'Gets a user.'),
      operation('getUserByName', 'get', '/users/by-name/{name}', 'Gets a user by name.'),
    ]);
    expect(first(index, 'query companies by name')).toBe('Companies_Query');
    expect(first(index, 'get user by name')).toBe('getUserByName');
  });

  test('a rare word after "by" counts no more than what is asked for: "widgets by zebra" is the widget list, not the one zebra operation', () => {
    const index = new SearchIndex([
      operation('listWidgets', 'get', '/widgets', 'Returns the widgets, filtered by their properties.', { summary: 'Widgets index' }),
      ...['parts', 'owners', 'labels', 'events', 'notes', 'files'].map((child) =>
        operation(`listWidget${child}`, 'get', `/widgets/{id}/${child}`, `Returns the ${child} of a widget.`, { summary: `Widget ${child}` }),
      ),
      operation('getZebraStripes', 'get', '/zebras/{id}/stripes', 'Returns the stripes of a zebra.', { summary: 'Zebra stripes' }),
    ]);
    expect(first(index, 'widgets by zebra')).toBe('listWidgets');
  });

  test("a path names what an operation is about when its summary leaves it out (the Rat Genome Database's /ontology/term/{accId}, 'Returns term for Accession ID')", () => {
    const index = new SearchIndex([
      operation('getTermUsingGET', 'get', '/ontology/term/{accId}', '', { summary: 'Returns term for Accession ID' }),
      operation('getOntDagsUsingGET', 'get', '/ontology/ont/{accId}', '', { summary: 'Returns child and parent terms for Accession ID' }),
      operation('getTermAccIdsUsingGET', 'get', '/annotations/accId/{rgdId}', '', {
        summary: 'Returns a list ontology term accession IDs annotated to an rgd object',
      }),
      operation('getAnnotationsByAccIdAndRgdIdUsingGET', 'get', '/annotations/{accId}/{rgdId}', '', {
        summary: 'Returns a list of annotations by RGD ID and ontology term accession ID',
      }),
      ...['genes', 'strains', 'qtls', 'maps'].map((what) =>
        operation(`${what}UsingGET`, 'get', `/${what}/{rgdId}`, '', { summary: `Returns ${what} for RGD ID` }),
      ),
    ]);
    expect(first(index, 'get ontology term by accession id')).toBe('getTermUsingGET');
  });

  test("a format a path ends in is no word of it: 'list all categories' is Channel 4's /categories.atom, not a feed of one category", () => {
    const index = new SearchIndex([
      operation('Categories_Landing_Feed', 'get', '/categories.atom', 'Lists Channel 4 programmes by category (/ tag).', {
        summary: 'Categories Landing Feed',
      }),
      ...['', '/page-{pageno}', '/title', '/channel/{channel}', '/derived/ad'].map((tail, i) =>
        operation(
          `All_Programmes_by_TX_Date(${i})`,
          'get',
          `/categories/{category}${tail}.atom`,
          'List all Channel 4 programmes associated with the specified category, most recently transmitted first.',
          { summary: `All Programmes by TX Date(${i})` },
        ),
      ),
      operation('Search_Feed', 'get', '/search.atom', '', { summary: 'Search Feed' }),
    ]);
    expect(first(index, 'list all categories')).toBe('Categories_Landing_Feed');
  });

  test("words said next to each other in the request's order count a little more: 'convert CSV to JSON' is Apptigent's CsvToJson, not JsonToCsv", () => {
    const index = new SearchIndex([
      operation('JsonToCsv', 'post', '/JSONtoCSV', 'Convert a JSON array of objects into comma separated values.', { summary: 'Data - JSON to CSV' }),
      operation('CsvToJson', 'post', '/CSVtoJSON', 'Convert comma separated values into JSON.', { summary: 'Data - CSV to JSON' }),
      operation('CollectionToJSON', 'post', '/CollectionToJSON', 'Convert a collection into JSON.', { summary: 'Collections - Collection to JSON' }),
    ]);
    expect(first(index, 'convert CSV to JSON')).toBe('CsvToJson');
    expect(first(index, 'convert JSON to CSV')).toBe('JsonToCsv');
  });

  test('an id naming its method anywhere (Autotask\'s "Tickets_PatchEntity") is found by the intent it names', () => {
    const index = new SearchIndex([
      operation('Tickets_UpdateEntity', 'put', '/V1.0/Tickets', ''),
      operation('Tickets_PatchEntity', 'patch', '/V1.0/Tickets', ''),
      ...['Notes', 'Attachments', 'Checklists', 'Secondary'].map((child) =>
        operation(`Ticket${child}Child_UpdateEntity`, 'put', `/V1.0/Tickets/{parentId}/${child}`, ''),
      ),
    ]);
    expect(
      index
        .search('update ticket', { limit: 2 })
        .map((hit) => hit.operation.id)
        .sort(),
    ).toEqual(['Tickets_PatchEntity', 'Tickets_UpdateEntity']);
  });

  test("an id that ends in its method's name (Google's storage.buckets.patch) is found by the intent it names", () => {
    const index = new SearchIndex([
      operation('storage.buckets.update', 'put', '/b/{bucket}', 'Updates a bucket.'),
      operation('storage.buckets.patch', 'patch', '/b/{bucket}', 'Patches a bucket. Changes may take time to propagate.'),
      ...['acl', 'iam', 'defaultObjectAcl', 'notificationConfigs', 'o'].map((part) =>
        operation(`storage.${part}.update`, 'put', `/b/{bucket}/${part}/{id}`, `Updates a ${part} of the bucket.`),
      ),
    ]);
    expect(index.search('update bucket', { limit: 2 }).map((hit) => hit.operation.id)).toEqual(['storage.buckets.update', 'storage.buckets.patch']);
  });

  test('a summary written as prose counts as a summary for its first sentence only', () => {
    const index = new SearchIndex([
      operation('createFineTune', 'post', '/fine-tunes', '', {
        summary:
          'Creates a job that fine-tunes a specified model from a given dataset.\n\nResponse includes details of the enqueued job including job status and the name of the fine-tuned models once complete.',
      }),
      operation('retrieveModel', 'get', '/models/{model}', '', {
        summary: 'Retrieves a model instance, providing basic information about the model such as the owner.',
      }),
      operation('listModels', 'get', '/models', '', { summary: 'Lists the currently available models.' }),
      operation('listFiles', 'get', '/files', '', { summary: 'Returns a list of files.' }),
      operation('retrieveEngine', 'get', '/engines/{engine_id}', '', { summary: 'Retrieves a model instance, providing basic information about it.' }),
      operation('retrieveFile', 'get', '/files/{file_id}', '', { summary: 'Returns information about a specific file.' }),
      operation('retrieveFineTune', 'get', '/fine-tunes/{fine_tune_id}', '', { summary: 'Gets info about the fine-tune job.' }),
      operation('deleteModel', 'delete', '/models/{model}', '', { summary: 'Delete a fine-tuned model. You must have the Owner role in your organization.' }),
    ]);
    expect(first(index, 'retrieve model details')).toBe('retrieveModel');
  });

  test('a request narrowed "by" something finds what it narrows, not that something', () => {
    const index = new SearchIndex([
      operation('extras_saved-filters_list', 'get', '/extras/saved-filters/', ''),
      operation('dcim_sites_list', 'get', '/dcim/sites/', '', { parameters: [{ name: 'region_id', in: 'query' }] }),
      operation('dcim_devices_list', 'get', '/dcim/devices/', '', {
        parameters: [
          { name: 'site_id', in: 'query' },
          { name: 'rack_id', in: 'query' },
        ],
      }),
      operation('dcim_racks_list', 'get', '/dcim/racks/', '', { parameters: [{ name: 'site_id', in: 'query' }] }),
      operation('dcim_device-bays_list', 'get', '/dcim/device-bays/', '', { parameters: [{ name: 'device_id', in: 'query' }] }),
    ]);
    expect(first(index, 'list devices filter by site')).toBe('dcim_devices_list');
  });

  test('a meaning counts no more than the word typed: a rare meaning does not outweigh a word the API uses everywhere', () => {
    const index = new SearchIndex(
      [
        operation('getProjects', 'get', '/projects', '', { summary: 'Get projects' }),
        operation('addProject', 'post', '/projects', '', { summary: 'Add project' }),
        operation('getProjectSettings', 'get', '/projects/{accountName}/{projectSlug}/settings', '', { summary: 'Get project settings' }),
        operation('deleteProject', 'delete', '/projects/{accountName}/{projectSlug}', '', { summary: 'Delete project' }),
        operation('getProjectLastBuild', 'get', '/projects/{accountName}/{projectSlug}', '', { summary: 'Get project last build' }),
        operation('getPublicProjectStatusBadge', 'get', '/projects/status/{badgeRepoProvider}/{repoAccountName}/{repoSlug}', '', {
          summary: 'Get status badge image for a project with a public repository',
        }),
      ],
      { vocabulary: vocabularyOf([{ when: ['project'], means: ['repo'] }]) },
    );
    expect(first(index, 'list projects')).toBe('getProjects');
  });

  test('an operation that undoes what the request asks ("unban" for "ban") comes after the one that does it', () => {
    const index = new SearchIndex(
      [
        operation(
          'POST /unbanChatMember',
          'post',
          '/unbanChatMember',
          'Use this method to unban a previously kicked user in a supergroup. Banned users can then join again.',
        ),
        operation('POST /kickChatMember', 'post', '/kickChatMember', 'Use this method to kick a user from a group. They cannot return unless unbanned first.'),
        operation('POST /restrictChatMember', 'post', '/restrictChatMember', 'Use this method to restrict a user in a supergroup.'),
        operation('POST /capture', 'post', '/payment_intents/{intent}/capture', '', { summary: 'Capture the funds of an uncaptured payment' }),
        operation('POST /hold', 'post', '/payment_intents/{intent}/hold', '', { summary: 'Capture the funds of a held payment' }),
        ...['sendMessage', 'getChat', 'getChatMember', 'promoteChatMember', 'pinChatMessage', 'leaveChat'].map((name) =>
          operation(`POST /${name}`, 'post', `/${name}`, `Use this method to ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} for a user of a chat.`),
        ),
      ],
      { vocabulary: vocabularyOf([{ when: ['ban'], means: ['ban', 'kick', 'block'] }]) },
    );
    expect(first(index, 'ban user from chat')).toBe('POST /kickChatMember');
    // A title that says the word itself too does not undo it: it scores as its twin without the "un" word.
    const scores = new Map(index.search('capture the payment').map((h) => [h.operation.id, h.score]));
    expect(scores.get('POST /capture')! / scores.get('POST /hold')!).toBeGreaterThan(0.8);
  });

  test('in a document that describes next to nothing, a missing description costs nothing', () => {
    const summary = 'Creates a user.';
    const fillers = (describe: boolean) =>
      Array.from({ length: 9 }, (_, i) => operation(`GetThing${i}`, 'get', `/things${i}`, describe ? 'Sorted by name.' : '', { summary: `Gets thing ${i}.` }));
    const scores = (describe: boolean) => {
      const index = new SearchIndex([
        operation('described', 'post', '/users', 'Sorted by name.', { summary }),
        operation('undescribed', 'post', '/users', '', { summary }),
        ...fillers(describe),
      ]);
      const hits = index.search('create user');
      return ['described', 'undescribed'].map((id) => hits.find((h) => h.operation.id === id)!.score);
    };
    const [described, undescribed] = scores(false);
    expect(undescribed).toBeCloseTo(described!, 6);
    const [describedAmongDescribed, undescribedAmongDescribed] = scores(true);
    expect(undescribedAmongDescribed).toBeLessThan(describedAmongDescribed! * 0.9);
  });

  test('an operation asked for in its own words, in order and inflection, comes first', () => {
    const index = new SearchIndex([
      operation('GetSecret', 'get', '/secrets/{id}', 'Returns a secret.', { summary: 'Get Secret' }),
      operation('GetSecrets', 'get', '/secrets', 'Returns secrets.', { summary: 'Get Secrets' }),
      operation('getActionsBoardByIdAction', 'get', '/actions/{idAction}/board', 'The board of an action.'),
      operation('getBoardsActionsByIdBoard', 'get', '/boards/{idBoard}/actions', 'The actions of a board.'),
    ]);
    expect(index.search('get secrets')[0]!.operation.id).toBe('GetSecrets');
    expect(index.search('get secret')[0]!.operation.id).toBe('GetSecret');
    expect(index.search('get boards actions by id board')[0]!.operation.id).toBe('getBoardsActionsByIdBoard');
    expect(index.search('get actions board by id action')[0]!.operation.id).toBe('getActionsBoardByIdAction');
  });

  test('a verbatim match comes first without making the other matches any less plausible', () => {
    const secrets = (id: string, path: string, summary: string) => operation(id, 'get', path, 'Secrets.', { summary });
    const index = new SearchIndex([
      secrets('getSecrets', '/secrets', 'Get secrets'),
      secrets('getOrgSecrets', '/orgs/{org}/secrets', 'Get secrets of an organization'),
      secrets('getTeamSecrets', '/orgs/{org}/teams/{team}/secrets', 'Get secrets of an organization team'),
    ]);
    const ids = (query: string) => index.results(query).map((group) => group.operation.id);
    expect(ids('get secrets')).toEqual(['getSecrets', 'getOrgSecrets', 'getTeamSecrets']);
    expect(ids('secrets get')).toEqual(ids('get secrets'));
  });

  test('a request that is an operation name, as an identifier, finds that operation first', () => {
    const index = new SearchIndex([
      operation('me.insights.ListShared', 'get', '/me/insights/shared', 'Items shared with the user.', { summary: 'Get shared from me' }),
      operation('me.insights.GetShared', 'get', '/me/insights/shared/{id}', 'An item shared with the user.', { summary: 'Get shared from me' }),
      operation('drives.drive.sharedWithMe', 'get', '/drives/{drive-id}/microsoft.graph.sharedWithMe()', 'Files shared with the user.', {
        summary: 'Invoke function sharedWithMe',
      }),
    ]);
    expect(first(index, 'sharedWithMe')).toBe('drives.drive.sharedWithMe');
    expect(first(index, 'drives.drive.sharedWithMe')).toBe('drives.drive.sharedWithMe');
    // An acronym opens it: what its words say ("url info") would find the other first.
    const tools = new SearchIndex([
      operation('URLInfo', 'get', '/parse', 'Parses a link into its parts.', { summary: 'Parse a link' }),
      operation('HostLookup', 'get', '/url/info', 'Information on the host of a URL: URL info.', { summary: 'URL info' }),
    ]);
    expect(first(tools, 'URLInfo')).toBe('URLInfo');
    // Words are not a name: what they share with titles decides.
    expect(first(index, 'shared from me')).toBe('me.insights.ListShared');
  });

  test("a request that is an operation's summary word for word finds it first; a name by id comes before", () => {
    const lists = new SearchIndex([
      operation('deleteItemSet', 'delete', '/sets/itemlists/{id}', 'Deletes an item list.', { summary: 'Delete item list' }),
      operation('deleteItemIdFromItemList', 'delete', '/sets/itemlists/{id}/ids/{itemId}', '', { summary: 'Delete item from list' }),
    ]);
    // Without "from", a stop word, the two summaries say the same words.
    expect(first(lists, 'Delete item from list')).toBe('deleteItemIdFromItemList');
    expect(first(lists, 'delete item list')).toBe('deleteItemSet');
    const geocoding = new SearchIndex([
      operation('autoComplete', 'get', '/autocomplete', 'Completes a place name as it is typed.', { summary: 'Search' }),
      operation('search', 'get', '/search', 'Finds places by name.', { summary: 'Get geocoding' }),
    ]);
    expect(first(geocoding, 'Search')).toBe('search');
    expect(first(geocoding, 'search')).toBe('search');
  });

  test('a request that is a method and a path finds that operation first, named or not', () => {
    const stages = new SearchIndex([
      operation('GET /v2/accounts/{id}.json', 'get', '/v2/accounts/{id}.json', '', { operationId: undefined, summary: 'Fetch an account' }),
      operation('GET /v2/account_stages.json', 'get', '/v2/account_stages.json', '', { operationId: undefined, summary: 'List account stages' }),
      operation('GET /v2/account_stages/{id}.json', 'get', '/v2/account_stages/{id}.json', '', { operationId: undefined, summary: 'Fetch an account stage' }),
      operation('listAccounts', 'get', '/v2/accounts.json', '', { summary: 'List accounts' }),
      operation('createAccount', 'post', '/v2/accounts.json', '', { summary: 'Create an account' }),
    ]);
    expect(first(stages, 'GET /v2/account_stages.json')).toBe('GET /v2/account_stages.json');
    // As describe and execute take it: the parameters named otherwise, a trailing slash.
    expect(first(stages, 'get  /v2/account_stages/{stage_id}.json/')).toBe('GET /v2/account_stages/{id}.json');
    expect(first(stages, 'GET /v2/accounts.json')).toBe('listAccounts');
    // A path alone names every operation on it, with or without its first slash.
    const ids = (query: string) => stages.search(query).map((h) => h.operation.id);
    expect(ids('/v2/account_stages/{id}.json')[0]).toBe('GET /v2/account_stages/{id}.json');
    expect(ids('v2/account_stages/{id}.json')[0]).toBe('GET /v2/account_stages/{id}.json');
    expect(ids('/v2/accounts.json').slice(0, 2).sort()).toEqual(['createAccount', 'listAccounts']);
  });

  test('a request naming an item by its id prefers operations with a place for it, unless they create', () => {
    const index = new SearchIndex([
      operation('deleteSessions', 'delete', '/sessions', 'Ends sessions.', { summary: 'End sessions' }),
      operation('deleteSession', 'delete', '/sessions/{id}', 'Ends sessions.', { summary: 'End sessions' }),
      operation('createSession', 'post', '/sessions', 'Starts a session.', { summary: 'Start a session' }),
    ]);
    expect(index.search('end sessions')[0]!.operation.id).toBe('deleteSessions');
    expect(index.search('end sessions cs_test_a1b2')[0]!.operation.id).toBe('deleteSession');
    expect(index.search('start a session for cus_9s6XKz')[0]!.operation.id).toBe('createSession');
  });

  test('a deprecated operation asked for by its exact title ranks above current ones that add a word', () => {
    const index = new SearchIndex([
      operation('getAllProjectRoles', 'get', '/project/roles', 'Returns every project role.', { summary: 'Get all project roles' }),
      operation('getAllProjects', 'get', '/project', 'Returns every project.', { summary: 'Get all projects', deprecated: true }),
    ]);
    expect(index.search('get all projects')[0]!.operation.id).toBe('getAllProjects');
    expect(index.search('get all project roles')[0]!.operation.id).toBe('getAllProjectRoles');
  });

  test("a word repeated across one operation's copies under many parents counts as common as the concept it names", () => {
    const copies = ['me', 'users/{id}', 'groups/{id}', 'teams/{id}'].map((parent) => operation(`${parent} events`, 'get', `/${parent}/events`, 'List events.'));
    const index = new SearchIndex([...copies, operation('bookings', 'get', '/bookings', 'List bookings.')]);
    const [events, bookings] = ['events', 'bookings'].map((q) => index.search(q)[0]!.score);
    expect(events! / bookings!).toBeCloseTo(1, 0);
  });

  test('a participle after what is asked for says which ones, as "by" does: "list carriers connected to account" lists them', () => {
    const carriers = new SearchIndex([
      operation('connect_carrier', 'post', '/v1/connections/carriers/{carrier_name}', 'Connect a carrier account', { summary: 'Connect a carrier account' }),
      operation('list_carriers', 'get', '/v1/carriers', 'List all carriers that have been added to this account', { summary: 'List Carriers' }),
      operation('get_carrier', 'get', '/v1/carriers/{carrier_id}', 'Get carrier by id', { summary: 'Get Carrier By ID' }),
    ]);
    expect(first(carriers, 'list carriers connected to account')).toBe('list_carriers');
    expect(first(carriers, 'connect a carrier to my account')).toBe('connect_carrier');
  });

  test('a participle in -ing that ends the request says which ones too: "describe instances running" describes instances', () => {
    const ec2 = new SearchIndex([
      operation('DescribeInstances', 'get', '/#Action=DescribeInstances', 'Describes the specified instances or all instances.'),
      operation('DescribeSpotFleetInstances', 'get', '/#Action=DescribeSpotFleetInstances', 'Describes the running instances for the specified Spot Fleet.'),
      operation('RunInstances', 'get', '/#Action=RunInstances', 'Launches the specified number of instances using an AMI.'),
      // As in EC2, "running" is a word of many descriptions.
      operation('StopInstances', 'get', '/#Action=StopInstances', 'Stops a running instance.'),
      operation('MonitorInstances', 'get', '/#Action=MonitorInstances', 'Enables detailed monitoring for a running instance.'),
      operation('RebootInstances', 'get', '/#Action=RebootInstances', 'Requests a reboot of running instances.'),
    ]);
    expect(first(ec2, 'describe instances running')).toBe('DescribeInstances');
  });

  test('what a request makes comes before where it goes: "create note on company" creates a note', () => {
    const crm = new SearchIndex([
      operation('companiesAdd', 'post', '/crm/companies', 'Create company', { summary: 'Create company' }),
      operation('notesAdd', 'post', '/crm/notes', 'Create note', { summary: 'Create note' }),
      operation('activitiesAdd', 'post', '/crm/activities', 'Create activity', { summary: 'Create activity' }),
    ]);
    expect(first(crm, 'create note on company 555')).toBe('notesAdd');
    expect(first(crm, 'create a company')).toBe('companiesAdd');
  });

  test('what a request gives the thing it makes is about that thing: "create user with email and password" creates a user', () => {
    const platform = new SearchIndex([
      operation('CreateEmailCommunication', 'post', '/admin/settings/email-service', 'Create Email Communication', {
        summary: '2FA - Create Email Communication',
      }),
      operation('ChangeDevPassword', 'put', '/admin/putpass', 'Change dev password', { summary: 'DEVELOPER - Change dev password' }),
      operation('CreateUser', 'post', '/admin/user/{systemKey}', 'Create user', { summary: 'DEVELOPER - Create user' }),
      operation('GetUserInfo', 'get', '/api/v/1/user/info', 'Get user info', { summary: 'USERS - Get user info' }),
    ]);
    expect(first(platform, 'create user with email and password')).toBe('CreateUser');
    expect(first(platform, 'create email communication')).toBe('CreateEmailCommunication');
  });

  test("an id of words run together (Netatmo's addwebhook) is found by those words", () => {
    const query = (name: string) => ({ name, in: 'query' as const });
    const hooks = new SearchIndex([
      operation('addwebhook', 'get', '/addwebhook', 'Links a callback url to a user.', {
        operationId: 'addwebhook',
        parameters: [query('url'), query('app_type')],
      }),
      operation('dropwebhook', 'get', '/dropwebhook', 'Dissociates a webhook from a user.', { operationId: 'dropwebhook', parameters: [query('app_type')] }),
      operation('getstationsdata', 'get', '/getstationsdata', "Returns data from a user's weather stations.", { operationId: 'getstationsdata' }),
      operation('setthermpoint', 'post', '/setthermpoint', 'Changes the thermostat manual temperature setpoint.', { operationId: 'setthermpoint' }),
    ]);
    expect(first(hooks, 'register a webhook')).toBe('addwebhook');
    expect(hooks.search('add webhook').map((h) => h.operation.id)).toEqual(['addwebhook']);
    expect(first(hooks, 'addwebhook')).toBe('addwebhook');
  });

  test("words run together in one id are the same words said apart in another (Vonage's getuserConversations and getUsers)", () => {
    const users = new SearchIndex([
      operation('getuserConversations', 'get', '/users/{user_id}/conversations', '', { summary: 'List user conversations' }),
      operation('getUsers', 'get', '/users', '', { summary: 'List users' }),
      operation('getUser', 'get', '/users/{user_id}', '', { summary: 'Retrieve a user' }),
      operation('getConversations', 'get', '/conversations', '', { summary: 'List conversations' }),
    ]);
    expect(first(users, 'get users')).toBe('getUsers');
  });

  test('a request naming one thing by a name of its own prefers the operations that take it', () => {
    const pods = new SearchIndex([
      operation('listCoreV1PodForAllNamespaces', 'get', '/api/v1/pods', 'list or watch objects of kind Pod'),
      operation('listCoreV1NamespacedPod', 'get', '/api/v1/namespaces/{namespace}/pods', 'list or watch objects of kind Pod'),
      operation('listCoreV1Namespace', 'get', '/api/v1/namespaces', 'list or watch objects of kind Namespace'),
    ]);
    expect(first(pods, 'what pods are running in the staging namespace?')).toBe('listCoreV1NamespacedPod');
    // "staging" is no word of the API's: all it changes is that the operation with nowhere to put it counts less.
    const score = (query: string, id: string) => pods.search(query).find((h) => h.operation.id === id)!.score;
    const named = (id: string) => score('pods in the staging namespace', id) / score('pods in the namespace', id);
    expect(named('listCoreV1NamespacedPod')).toBeCloseTo(1);
    expect(named('listCoreV1PodForAllNamespaces')).toBeLessThan(0.9);
  });

  test('prefers the write of one item to that of the whole collection when the request speaks of one', () => {
    const dags = new SearchIndex([
      operation(
        'patch_dags',
        'patch',
        '/dags',
        'Update DAGs of a given dag_id_pattern using UpdateMask. This endpoint allows specifying ~ as the dag_id_pattern to update all DAGs.',
        {
          summary: 'Update DAGs',
        },
      ),
      operation('patch_dag', 'patch', '/dags/{dag_id}', '', { summary: 'Update a DAG' }),
      operation('get_dags', 'get', '/dags', 'List DAGs in the database.', { summary: 'List DAGs' }),
    ]);
    expect(first(dags, 'pause the DAG called etl_daily')).toBe('patch_dag');
    const dagScore = (query: string) => dags.search(query).find((h) => h.operation.id === 'patch_dags')!.score;
    expect(dagScore('pause the DAG') / dagScore('pause the DAGs')).toBeLessThan(0.9);
    expect(first(dags, 'update DAGs')).toBe('patch_dags');
    // A creation on the collection's path makes one item: "PUT /meshes" is no write of every mesh.
    const meshes = new SearchIndex([
      operation('CreateMesh', 'put', '/meshes', 'Creates a service mesh.'),
      operation('UpdateMesh', 'put', '/meshes/{meshName}', 'Updates an existing service mesh.'),
    ]);
    const score = (query: string, id: string) => meshes.search(query).find((h) => h.operation.id === id)!.score;
    expect(score('add one mesh', 'CreateMesh') / score('add meshes', 'CreateMesh')).toBeCloseTo(1);
  });

  test('words the API names by their initials in a path find it ("virtual machines": /entities/vms)', () => {
    const entities = new SearchIndex([
      operation('listVms', 'get', '/entities/vms', '', { summary: 'List vms' }),
      operation('listDistributedVirtualSwitches', 'get', '/entities/distributed-virtual-switches', '', { summary: 'List distributed virtual switches' }),
      operation('listNodes', 'get', '/infra/nodes', 'Lists the machines that collect data.', { summary: 'List nodes' }),
    ]);
    expect(first(entities, 'list virtual machines')).toBe('listVms');
  });

  test('filters by tag and method, and leaves results far below the best out', () => {
    expect(payments.search('customer', { method: 'delete' }).map((h) => h.operation.id)).toEqual(['DeleteCustomersCustomer']);
    expect(payments.search('disputes').map((h) => h.operation.id)).toEqual(['GetDisputes']);
  });
});

describe('SearchIndex: a request to write by a verb of its own', () => {
  test('prefers the creation to an action that does not say the verb', () => {
    const index = new SearchIndex([
      operation('addWorklog', 'post', '/rest/api/3/issue/{issueIdOrKey}/worklog', 'Adds a worklog to an issue.', { summary: 'Add worklog' }),
      operation('notify', 'post', '/rest/api/3/issue/{issueIdOrKey}/notify', 'Creates an email notification for an issue.', {
        summary: 'Send notification for issue',
      }),
      operation('assignIssue', 'put', '/rest/api/3/issue/{issueIdOrKey}/assignee', 'Assigns an issue to a user.', { summary: 'Assign issue' }),
      operation('doTransition', 'post', '/rest/api/3/issue/{issueIdOrKey}/transitions', 'Performs an issue transition.', { summary: 'Transition issue' }),
      operation('getWorklog', 'get', '/rest/api/3/issue/{issueIdOrKey}/worklog/{id}', 'Returns a worklog.', { summary: 'Get worklog' }),
    ]);
    expect(first(index, 'log 3 hours of work on PAY-88')).toBe('addWorklog');
  });
});

describe('SearchIndex: three words the API writes as one', () => {
  test('find the path that runs them together', () => {
    const paths = ['/playercareerstats', '/playerprofile', '/leagueleaders', '/homepageleaders', '/playergamelog', '/commonplayerinfo'];
    const index = new SearchIndex(paths.map((path) => operationOf({ id: `GET ${path}`, method: 'get', path })));
    expect(first(index, 'player career stats')).toBe('GET /playercareerstats');
    expect(first(index, 'player game log')).toBe('GET /playergamelog');
  });

  test('find a word the API never says alone inside the word it runs together, unless it is inside many', () => {
    const paths = ['/commonteamroster', '/commonplayerinfo', '/teamgamelog', '/teaminfocommon', '/scoreboard', '/boxscore'];
    const index = new SearchIndex(paths.map((path) => operationOf({ id: `GET ${path}`, method: 'get', path })));
    expect(first(index, 'roster of the team')).toBe('GET /commonteamroster');
    const many = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((x) => operationOf({ id: `GET /x${x}rosterx`, method: 'get', path: `/x${x}rosterx` }));
    expect(new SearchIndex(many).search('roster')).toEqual([]);
  });
});

describe('SearchIndex: a word the API does not know', () => {
  test('keeps no title from fitting what was asked', () => {
    const index = new SearchIndex([
      operation('getMatch', 'get', '/match/{match_key}', 'Gets a `Match` object for the given match key.'),
      operation('getMatchZebra', 'get', '/match/{match_key}/zebra_motionworks', 'Gets Zebra MotionWorks data for a Match for the given match key.'),
      operation('getMatchTimeseries', 'get', '/match/{match_key}/timeseries', 'Gets an array of Match Timeseries objects for the given match key.'),
      operation('getEventMatches', 'get', '/event/{event_key}/matches', 'Gets a list of matches for the given event.'),
    ]);
    expect(first(index, 'match details')).toBe('getMatch');
  });
});

describe('SearchIndex: a year asked about', () => {
  test('finds the operations that take a year', () => {
    const index = new SearchIndex([
      operation('getEvent', 'get', '/event/{event_key}', 'Gets an Event.'),
      operation('getEventAwards', 'get', '/event/{event_key}/awards', 'Gets a list of awards from the given event.'),
      operation('getEventsByYear', 'get', '/events/{year}', 'Gets a list of events in the given year.'),
      operation('getTeamEvents', 'get', '/team/{team_key}/events', 'Gets a list of all events this team has competed at.'),
    ]);
    expect(first(index, 'which events are there in 2024?')).toBe('getEventsByYear');
  });
});

describe('SearchIndex: every word asked keeps its best match', () => {
  test('a word rare in the API (info) does not hide the one the request is about (team), common as it is', () => {
    const teams = ['awards', 'events', 'matches', 'media', 'robots', 'districts', 'years', 'social'].map((part) =>
      operation(`getTeam_${part}`, 'get', `/team/{team_key}/${part}`, `Gets the ${part} of a team.`),
    );
    const index = new SearchIndex([
      operation('getTeam', 'get', '/team/{team_key}', 'Gets a Team object for the team referenced by the given key.'),
      ...teams,
      operation('getStatus', 'get', '/status', 'Returns API status, and TBA status information.'),
      operation('getEventPredictions', 'get', '/event/{event_key}/predictions', 'Gets information on TBA-generated predictions for the given Event.'),
    ]);
    const ids = index.search('get team info').map((hit) => hit.operation.id);
    expect(ids.slice(0, 2)).toEqual(['getStatus', 'getEventPredictions']);
    expect(ids[2]).toBe('getTeam');
  });
});

describe('SearchIndex with the shipped vocabulary', () => {
  test('"ping" finds a health check, and nothing at all where there is none', () => {
    const withHealth = new SearchIndex([
      operation('getHealth', 'get', '/health', 'Health check of the service.'),
      operation('createReviewRequest', 'post', '/pulls/{id}/requested_reviewers', 'Request reviewers for a pull request.'),
    ]);
    expect(withHealth.search('ping').map((h) => h.operation.id)).toEqual(['getHealth']);
    const without = new SearchIndex([operation('cancelRefundRequest', 'post', '/refunds/{id}/cancel', 'Cancels a refund request.')]);
    expect(without.search('ping')).toEqual([]);
  });

  test('someone off sick is an absence, not a leave policy; who owes money is a debtor', () => {
    const hr = new SearchIndex([
      operation('PostLeavePolicy', 'post', '/employers/{employerId}/leavePolicies', 'Create a leave policy'),
      operation('PostLeave', 'post', '/employments/{employmentId}/leave', 'Create a leave record for an employment'),
      operation('PostAbsence', 'post', '/employees/{employeeId}/absences', 'Create an Absence for an employee'),
      operation('GetAgedDebtors', 'get', '/companies/{companyId}/reports/agedDebtor', 'Aged debtors report'),
      operation('ListPayments', 'get', '/companies/{companyId}/payments', 'List payments'),
    ]);
    expect(first(hr, 'register sick leave for an employee')).toBe('PostAbsence');
    expect(first(hr, 'Jan called in sick today')).toBe('PostAbsence');
    expect(first(hr, 'which customers still owe us?')).toBe('GetAgedDebtors');
  });

  test('what "I have access to" is the caller\'s, as "my" says', () => {
    const repos = new SearchIndex([
      operation(
        'repos/list-for-authenticated-user',
        'get',
        '/user/repos',
        'Lists repositories that the authenticated user has explicit permission to access.',
        {
          summary: 'List repositories for the authenticated user',
        },
      ),
      operation(
        'dependabot/repository-access-for-org',
        'get',
        '/orgs/{org}/dependabot/repository-access',
        'Lists the repositories Dependabot can access in an organization.',
        {
          summary: 'Lists the repositories Dependabot can access in an organization',
        },
      ),
      operation('repos/list-for-org', 'get', '/orgs/{org}/repos', 'Lists repositories for the specified organization.', {
        summary: 'List organization repositories',
      }),
    ]);
    expect(first(repos, 'list repos I have access to')).toBe('repos/list-for-authenticated-user');
  });

  test('to reserve an address is to create one', () => {
    const compute = new SearchIndex([
      operation('compute.addresses.insert', 'post', '/projects/{project}/regions/{region}/addresses', 'Creates an address resource in the specified project.'),
      operation(
        'compute.addresses.list',
        'get',
        '/projects/{project}/regions/{region}/addresses',
        'Retrieves a list of addresses contained within the specified region.',
      ),
      operation(
        'compute.subnetworks.setPrivateIpGoogleAccess',
        'post',
        '/projects/{project}/regions/{region}/subnetworks/{subnetwork}/setPrivateIpGoogleAccess',
        'Set whether VMs in this subnet can access Google services without assigning external IP addresses.',
      ),
    ]);
    expect(first(compute, 'reserve two addresses')).toBe('compute.addresses.insert');
    expect(first(compute, 'reserve an IP')).toBe('compute.addresses.insert');
  });

  test('a crash is an error', () => {
    const errors = new SearchIndex([
      operation('Errors_GroupList', 'get', '/apps/{app}/errors/errorGroups', 'Get error groups list', { summary: 'Get error groups list' }),
      operation('Groups_List', 'get', '/orgs/{org}/groups', 'List the groups of an organization', { summary: 'List groups' }),
    ]);
    expect(first(errors, 'list crash groups')).toBe('Errors_GroupList');
  });

  test('to issue a card is to create one, and a summary that says issue still finds it; a checking account is an account', () => {
    const bank = new SearchIndex([
      operation('create_a_card', 'post', '/cards', 'Create a Card', { summary: 'Create a Card' }),
      operation('create_an_account', 'post', '/accounts', 'Create an Account', { summary: 'Create an Account' }),
      operation('create_a_check_transfer', 'post', '/check_transfers', 'Create a Check Transfer', { summary: 'Create a Check Transfer' }),
      operation('simulate_an_authorization_on_a_card', 'post', '/simulations/card_authorizations', 'Simulate an authorization on a Card', {
        summary: 'Simulate an authorization on a Card',
      }),
      operation('simulate_a_refund_on_a_card', 'post', '/simulations/card_refunds', 'Simulate a refund on a card', { summary: 'Simulate a refund on a card' }),
      operation('issueToken', 'post', '/administration/token', 'Issue a token', { summary: 'Issue a token' }),
    ]);
    expect(first(bank, 'issue a card')).toBe('create_a_card');
    expect(first(bank, 'Issue a token')).toBe('issueToken');
    expect(first(bank, 'open a checking account')).toBe('create_an_account');
  });

  test('to freeze a card is to block it; to unfreeze it, to unblock it', () => {
    const cards = new SearchIndex([
      operation('blockCard', 'post', '/v1/cards/{cardId}/block', 'Block a card', { summary: 'Block a card' }),
      operation('unblockCard', 'post', '/v1/cards/{cardId}/unblock', 'Unblock a card', { summary: 'Unblock a card' }),
      operation('createNewCard', 'post', '/v1/cards', 'Create a new debit card.', { summary: 'Create a new debit card.' }),
      operation('getListofCards', 'get', '/v1/cards', 'View List of Cards.', { summary: 'View List of Cards.' }),
    ]);
    expect(first(cards, 'freeze card 2001')).toBe('blockCard');
    expect(first(cards, 'unfreeze card 2001')).toBe('unblockCard');
  });

  test('mail we received is inbound', () => {
    const mail = new SearchIndex([
      operation('searchInboundMessages', 'get', '/messages/inbound', 'Inbound message search', { summary: 'Inbound message search' }),
      operation('searchOutboundMessages', 'get', '/messages/outbound', 'Outbound message search', { summary: 'Outbound message search' }),
      operation('getTrackedEmailCounts', 'get', '/stats/outbound/tracked', 'Get tracked email counts', { summary: 'Get tracked email counts' }),
      operation('sendEmail', 'post', '/email', 'Send a single email', { summary: 'Send a single email' }),
      operation('sendEmailBatch', 'post', '/email/batch', 'Send a batch of emails', { summary: 'Send a batch of emails' }),
    ]);
    expect(first(mail, 'did we receive any email from billing@vendor.example?')).toBe('searchInboundMessages');
    expect(first(mail, 'incoming emails')).toBe('searchInboundMessages');
  });

  test('to subscribe is to add a subscription; to unsubscribe, to remove one', () => {
    const channels = new SearchIndex([
      operation('addSubscription', 'post', '/users/me/subscriptions', 'Add subscription to my user', { summary: 'Add subscription to my user' }),
      operation('removeSubscription', 'delete', '/users/me/subscriptions/{handle}', 'Delete subscription of my user', {
        summary: 'Delete subscription of my user',
      }),
      operation('addVideoChannel', 'post', '/video-channels', 'Create a video channel', { summary: 'Create a video channel' }),
      operation('putVideoChannel', 'put', '/video-channels/{channelHandle}', 'Update a video channel', { summary: 'Update a video channel' }),
      operation('delVideoChannel', 'delete', '/video-channels/{channelHandle}', 'Delete a video channel', { summary: 'Delete a video channel' }),
      operation('getVideoChannelVideos', 'get', '/video-channels/{channelHandle}/videos', 'List videos of a video channel', {
        summary: 'List videos of a video channel',
      }),
      operation('searchChannels', 'get', '/search/video-channels', 'Search channels', { summary: 'Search channels' }),
    ]);
    expect(first(channels, 'subscribe to channel')).toBe('addSubscription');
    expect(first(channels, 'unsubscribe from the channel')).toBe('removeSubscription');
  });

  test("what was bought is what was ordered as a buyer (Reverb's /my/orders/buying/all)", () => {
    const orders = new SearchIndex([
      operation('GET /my/orders/buying/all', 'get', '/my/orders/buying/all', 'Returns all orders, newest first.'),
      operation('GET /my/orders/selling/all', 'get', '/my/orders/selling/all', 'Get all seller orders, newest first.'),
      operation('GET /my/orders/awaiting_feedback', 'get', '/my/orders/awaiting_feedback', 'List of orders that need feedback'),
    ]);
    expect(first(orders, 'what have I bought?')).toBe('GET /my/orders/buying/all');
  });

  test("a vendor is a supplier or a provider (XTRF's /providers)", () => {
    const agency = new SearchIndex([
      operation('getProviderContact', 'get', '/providers/{providerId}/contact', 'Returns contact of a given provider.'),
      operation('getProjectContacts', 'get', '/projects/{projectId}/contacts', 'Returns contacts of a given project.'),
      operation('getTaskContacts', 'get', '/tasks/{taskId}/contacts', 'Returns contacts of a given task.'),
    ]);
    expect(first(agency, "look up vendor 1203's contact details")).toBe('getProviderContact');
  });

  test("a location history is a trace, a track or a route of positions (HERE Tracking's traces)", () => {
    const tracking = new SearchIndex([
      operation('getTraces', 'get', '/traces/v2/{trackingId}', 'Gets traces within a specified time range', {
        summary: 'Gets traces within a specified time range',
      }),
      operation('getLocationsVersion', 'get', '/locations/v4/version', 'Gets service version', { summary: 'Gets service version' }),
      operation('getLocation', 'get', '/locations/v4/{locationId}', 'Gets a location details', { summary: 'Gets a location details' }),
      operation('getDeviceEvents', 'get', '/events/v3/{trackingId}', 'Gets event history for a device or a shipment', {
        summary: 'Gets event history for a device or a shipment',
      }),
      operation('getDevice', 'get', '/registry/v2/devices/{trackingId}', 'Gets a device', { summary: 'Gets a device' }),
      operation('getDeviceShadow', 'get', '/shadows/v2/{trackingId}', 'Gets the last reported state of a device', { summary: 'Gets a device shadow' }),
      operation('deleteDeviceAliases', 'delete', '/aliases/v2/{trackingId}', 'Deletes all aliases of a device', { summary: 'Deletes all aliases of a device' }),
    ]);
    expect(first(tracking, "show device HERE-1a2b3c's location history for yesterday")).toBe('getTraces');
  });

  test("a report asked for is a report, not a request to create something (BeezUP's store reports)", () => {
    const merchant = new SearchIndex([
      operation('CreateStore', 'post', '/v2/user/customer/stores', 'Create a new store', { summary: 'Create a new store' }),
      operation('CreateContract', 'post', '/v2/user/customer/contracts', 'Create a new contract', { summary: 'Create a new contract' }),
      operation('GetStoreReportByCategory', 'post', '/v2/user/analytics/{storeId}/reports/bycategory', 'Get the report by category', {
        summary: 'Get the report by category',
      }),
      operation('GetStores', 'get', '/v2/user/customer/stores', 'Get store list', { summary: 'Get store list' }),
    ]);
    expect(first(merchant, 'sales report for store')).toBe('GetStoreReportByCategory');
  });

  test("what is daily, or per day, is by day (BeezUP's report by day)", () => {
    const reports = new SearchIndex([
      operation('GetStoreReportByCategory', 'post', '/v2/user/analytics/{storeId}/reports/bycategory', 'Get the report by category', {
        summary: 'Get the report by category',
      }),
      operation('GetStoreReportByChannel', 'post', '/v2/user/analytics/{storeId}/reports/bychannel', 'Get the report by channel', {
        summary: 'Get the report by channel',
      }),
      operation('GetStoreReportByProduct', 'post', '/v2/user/analytics/{storeId}/reports/byproduct', 'Get the report by product', {
        summary: 'Get the report by product',
      }),
      operation('GetStoreReportByDay', 'post', '/v2/user/analytics/{storeId}/reports/byday', 'Get the report by day for a StoreId', {
        summary: 'Get the report by day for a StoreId',
      }),
      operation('CreateStore', 'post', '/v2/user/customer/stores', 'Create a new store', { summary: 'Create a new store' }),
      operation('GetStores', 'get', '/v2/user/customer/stores', 'Get store list', { summary: 'Get store list' }),
      operation('GetContracts', 'get', '/v2/user/customer/contracts', 'Get contract list', { summary: 'Get contract list' }),
    ]);
    expect(first(reports, 'daily report store')).toBe('GetStoreReportByDay');
  });

  test("marking an invoice as paid changes its status (Sinao's updatestatus)", () => {
    const invoices = new SearchIndex([
      operation('invoices.create', 'post', '/apps/{appId}/invoices', 'Create an invoice', { summary: 'Create an invoice' }),
      operation('invoices.update', 'post', '/apps/{appId}/invoices/{id}', 'Update an invoice', { summary: 'Update an invoice' }),
      operation('invoices.duplicate', 'post', '/apps/{appId}/invoices/{id}/duplicate', 'Duplicate an invoice', { summary: 'Duplicate an invoice' }),
      operation('invoices.finalize', 'post', '/apps/{appId}/invoices/{id}/finalize', 'Finalize an invoice', { summary: 'Finalize an invoice' }),
      operation('invoices.updatestatus', 'post', '/apps/{appId}/invoices/{id}/updatestatus', 'Update the status of an invoice', {
        summary: 'Update the status of an invoice',
      }),
      operation('payments.list', 'get', '/apps/{appId}/payments', 'List payments', { summary: 'List payments' }),
    ]);
    expect(first(invoices, 'mark invoice 1204 as paid')).toBe('invoices.updatestatus');
  });

  test('the latest value is the last one, the oldest the first', () => {
    const feed = new SearchIndex([
      operation('lastData', 'get', '/feeds/{feed_key}/data/last', 'Get the most recent data point in the feed.', { summary: 'Last Data in Queue' }),
      operation('firstData', 'get', '/feeds/{feed_key}/data/first', 'Get the oldest data point in the feed.', { summary: 'First Data in Queue' }),
      operation('allFeeds', 'get', '/feeds', 'All feeds for current user', { summary: 'All feeds for current user' }),
      operation('createData', 'post', '/feeds/{feed_key}/data', 'Create new Data', { summary: 'Create new Data' }),
    ]);
    expect(first(feed, 'latest value in the humidity feed')).toBe('lastData');
    expect(first(feed, 'earliest value in the humidity feed')).toBe('firstData');
  });
});

describe('SearchIndex on keyword queries', () => {
  const issues = new SearchIndex([
    operation('issues/create-comment', 'post', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 'Creates a comment.', {
      summary: 'Create an issue comment',
    }),
    operation('reactions/create-for-issue', 'post', '/repos/{owner}/{repo}/issues/{issue_number}/reactions', 'Creates a reaction.', {
      summary: 'Create reaction for an issue',
    }),
    operation('issues/add-labels', 'post', '/repos/{owner}/{repo}/issues/{issue_number}/labels', 'Adds labels.', { summary: 'Add labels to an issue' }),
    operation('issues/create', 'post', '/repos/{owner}/{repo}/issues', 'Any user with pull access can create an issue.', { summary: 'Create an issue' }),
    operation('issues/list-for-repo', 'get', '/repos/{owner}/{repo}/issues', 'Lists issues.', { summary: 'List repository issues' }),
    operation('issues/delete-label', 'delete', '/repos/{owner}/{repo}/labels/{name}', 'Deletes a label.', { summary: 'Delete a label' }),
  ]);

  test.each([
    { query: 'create issue', want: 'issues/create' },
    { query: 'create an issue comment', want: 'issues/create-comment' },
    { query: 'list issues', want: 'issues/list-for-repo' },
    { query: 'delete label', want: 'issues/delete-label' },
  ])('the operation "$query" names exactly comes first: $want', ({ query, want }) => {
    expect(first(issues, query)).toBe(want);
  });
});

describe('SearchIndex with the context of recently used operations', () => {
  const comments = new SearchIndex([
    operation('gists/list-comments', 'get', '/gists/{gist_id}/comments', 'Lists the comments on a gist.', { summary: 'List gist comments', tags: ['gists'] }),
    operation('issues/list-comments', 'get', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 'Lists the comments on an issue.', {
      summary: 'List issue comments',
      tags: ['issues'],
    }),
    operation('pulls/list-review-comments', 'get', '/repos/{owner}/{repo}/pulls/{pull_number}/comments', 'Lists the review comments on a pull request.', {
      summary: 'List review comments on a pull request',
      tags: ['pulls'],
    }),
    operation('issues/get', 'get', '/repos/{owner}/{repo}/issues/{issue_number}', 'Gets an issue.', { summary: 'Get an issue', tags: ['issues'] }),
    operation('pulls/get', 'get', '/repos/{owner}/{repo}/pulls/{pull_number}', 'Gets a pull request.', { summary: 'Get a pull request', tags: ['pulls'] }),
    operation('gists/get', 'get', '/gists/{gist_id}', 'Gets a gist.', { summary: 'Get a gist', tags: ['gists'] }),
  ]);
  const ids = (context?: string[]) => comments.results('comments', context ? { context } : {}).map((g) => g.operation.id);

  test('brings the matches near the recent operations first', () => {
    expect(ids(['issues/get'])[0]).toBe('issues/list-comments');
    const score = (context: string[]) => comments.search('comments', { context }).find((h) => h.operation.id === 'pulls/list-review-comments')!.score;
    expect(score(['pulls/get'])).toBeGreaterThan(score([]));
    expect(score(['pulls/get']) / score([])).toBeLessThanOrEqual(1.25);
    expect(ids(['gists/get'])[0]).toBe('gists/list-comments');
  });

  test('settles a close call only among operations named for what is asked, or for a request of a verb alone', () => {
    const files = new SearchIndex([
      operation('deleteResources', 'delete', '/resources', 'Deletes files or folders by path.', { summary: 'Delete Resources', tags: ['Resources'] }),
      operation('deleteNotificationById', 'delete', '/notifications/{id}', 'Deletes a notification; not any underlying files or folders.', {
        summary: 'Delete a notification',
        tags: ['Notifications'],
      }),
      operation('addNotification', 'post', '/notifications', 'Creates a notification.', { summary: 'Create a new notification', tags: ['Notifications'] }),
    ]);
    const context = ['addNotification'];
    expect(files.search('delete file', { context })[0]!.operation.id).toBe('deleteResources');
    expect(files.search('delete it', { context })[0]!.operation.id).toBe('deleteNotificationById');
  });

  test('changes nothing without a context, or with ids the API does not have', () => {
    expect(ids([])).toEqual(ids());
    expect(ids(['no/such-operation'])).toEqual(ids());
  });

  test('a path prefix that only names the API or its version ("/v1") makes no operations neighbours', () => {
    const zuora = new SearchIndex([
      operation('PUT_CancelSubscription', 'put', '/v1/subscriptions/{key}/cancel', 'Cancels a subscription.', { tags: ['Subscriptions'] }),
      operation('POST_Account', 'post', '/v1/accounts', 'Creates a customer account.', { tags: ['Accounts'] }),
    ]);
    const score = (context: string[]) => zuora.search('create account', { context }).find((h) => h.operation.id === 'POST_Account')!.score;
    expect(score(['PUT_CancelSubscription'])).toBe(score([]));
  });

  test('is mild: adds no matches and does not lift a weak match over a strong one', () => {
    expect(ids(['gists/get'])).toHaveLength(ids().length);
    expect(comments.results('pull request review comments', { context: ['gists/get'] })[0]!.operation.id).toBe('pulls/list-review-comments');
  });
});

describe('SearchIndex on an adverb', () => {
  test('"current user" finds the operation that says "currently authenticated user", before those saying "current user" among more', () => {
    const index = new SearchIndex([
      operation('getV3ProjectsSearchQuery', 'get', '/v3/projects/search/{query}', 'Search for projects the current user has access to'),
      operation('postV3ProjectsForkId', 'post', '/v3/projects/fork/{id}', 'Fork new project for the current user or provided namespace.'),
      operation('getV3User', 'get', '/v3/user', 'Get the currently authenticated user'),
      operation('getV3UserKeys', 'get', '/v3/user/keys', "Get the currently authenticated user's SSH keys"),
      operation('getV3UserEmails', 'get', '/v3/user/emails', "Get the currently authenticated user's email addresses"),
      operation('postV3UserKeys', 'post', '/v3/user/keys', 'Add a new SSH key to the currently authenticated user'),
      operation('getV3Issues', 'get', '/v3/issues', "Get currently authenticated user's issues"),
      operation('deleteV3UserKeysKeyId', 'delete', '/v3/user/keys/{key_id}', 'Delete an SSH key from the currently authenticated user'),
      operation('getV3Projects', 'get', '/v3/projects', 'Get a projects list for authenticated user'),
    ]);
    expect(first(index, 'current authenticated user')).toBe('getV3User');
  });
});

describe('SearchIndex on a document without ids, summaries or descriptions', () => {
  const unnamed = (method: HttpMethod, path: string, description = '') =>
    operationOf({ id: methodPathId(method, path), method, path, ...(description ? { description } : {}) });
  const index = new SearchIndex(
    [
      unnamed('post', '/api/v1/statuses'),
      unnamed('get', '/api/v1/statuses/{id}'),
      unnamed('post', '/api/v1/media', 'Creates an attachment to be used with a new status.'),
      unnamed('post', '/api/v1/lists', 'Create a new list.'),
      operationOf({ id: methodPathId('get', '/{realm}/users'), method: 'get', path: '/{realm}/users', summary: 'Get users   Returns a list of users' }),
      unnamed('get', '/{realm}/users/{id}/credentials'),
      unnamed('get', '/{realm}/users/{id}/groups'),
    ],
    { vocabulary: vocabularyOf([]) },
  );

  test('an operation known by its path alone is found by what its path names: "create status" is POST /api/v1/statuses, not the media described as for a new status', () => {
    expect(first(index, 'create status')).toBe('POST /api/v1/statuses');
    expect(first(index, 'get status')).toBe('GET /api/v1/statuses/{id}');
  });

  test('"Get users" on "/users" is what "list users" asks for, before the lists under one user', () => {
    expect(first(index, 'list users')).toBe('GET /{realm}/users');
  });

  test("an unnamed operation's id says its intent: Apacta's 'Add a project' is what 'create project' asks for, not the project statuses that say 'create'", () => {
    const apacta = new SearchIndex(
      [
        operationOf({ id: 'POST /projects', method: 'post', path: '/projects', summary: 'Add a project' }),
        operationOf({ id: 'GET /projects', method: 'get', path: '/projects', summary: 'View list of projects' }),
        operationOf({ id: 'POST /project_statuses', method: 'post', path: '/project_statuses', summary: 'Create a new project status' }),
        operationOf({ id: 'POST /events', method: 'post', path: '/events', summary: 'Create event' }),
      ],
      { vocabulary: vocabularyOf([]) },
    );
    expect(first(apacta, 'create project')).toBe('POST /projects');
  });
});
