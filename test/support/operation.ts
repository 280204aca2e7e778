// A minimal Operation for unit tests: the given fields over empty defaults.
import type { Operation } from '../../src/openapi/operation.js';

export function operationOf(fields: Pick<Operation, 'id' | 'method' | 'path'> & Partial<Operation>): Operation {
  return {
    tags: [],
    deprecated: false,
    parameters: [],
    responses: {},
    security: [],
    servers: [],
    docUrl: 'file:///api.json',
    problems: [],
    ...fields,
  };
}
