/** @module The HTTP methods an OpenAPI path item may hold, lower case as the document writes them. */

export const httpMethods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof httpMethods)[number];
