/** @module Loose types for the parts of an OpenAPI 3.x document we read; everything else passes through untouched. */

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export interface ParameterObject {
  name: string;
  in: ParameterLocation;
  description?: string;
  required?: boolean;
  deprecated?: boolean;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
  allowEmptyValue?: boolean;
  schema?: unknown;
  content?: Record<string, MediaTypeObject>;
}

export interface MediaTypeObject {
  schema?: unknown;
  encoding?: Record<string, EncodingObject>;
  example?: unknown;
  examples?: unknown;
}

export interface EncodingObject {
  contentType?: string;
  headers?: Record<string, unknown>;
  style?: string;
  explode?: boolean;
  allowReserved?: boolean;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
  headers?: Record<string, unknown>;
}

export interface ServerObject {
  url: string;
  description?: string;
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>;
}

export type SecurityRequirement = Record<string, string[]>;

export interface SecuritySchemeObject {
  type: 'apiKey' | 'http' | 'oauth2' | 'openIdConnect' | 'mutualTLS' | string;
  description?: string;
  name?: string;
  in?: 'query' | 'header' | 'cookie';
  scheme?: string;
  bearerFormat?: string;
  flows?: Record<string, { tokenUrl?: string; authorizationUrl?: string; scopes?: Record<string, string> }>;
  openIdConnectUrl?: string;
  /** AWS documents mark their signed "apiKey" with `awsSigv4`. */
  'x-amazon-apigateway-authtype'?: string;
}

export interface OpenApiDocument {
  openapi: string;
  info?: { title?: string; version?: string; description?: string };
  servers?: ServerObject[];
  paths?: Record<string, Record<string, unknown> | undefined>;
  components?: Record<string, Record<string, unknown> | undefined>;
  security?: SecurityRequirement[];
  tags?: { name: string; description?: string }[];
}
