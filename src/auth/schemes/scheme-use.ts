/**
 * @module How an operation uses one security scheme, by the scheme's type (a discriminated union, as
 * describe_endpoint shows it), how each type is named in text, and which types we cannot send.
 */
import type { SecuritySchemeObject } from '../../openapi/openapi-types.js';

interface Use {
  /** The scheme's name in the document's securitySchemes. */
  name: string;
  scopes?: string[];
  /** Whether a credential for it is configured on this server. */
  configured?: boolean;
}

export interface ApiKeyUse extends Use {
  type: 'apiKey';
  /** Where the key goes: header, query or cookie. */
  in?: string;
  /** The header, query parameter or cookie name. */
  parameterName?: string;
  /** Set when the operation also declares that parameter: then a caller may pass the key as an argument. */
  asArgument?: boolean;
  /** Set for AWS documents, whose "key" is an access key that signs each request (AWS Signature Version 4). */
  signing?: 'aws-sigv4';
  /** With `signing`: the service name AWS signs for ("ses" for the email API), from the document's info. */
  signingName?: string;
}

export interface HttpUse extends Use {
  type: 'http';
  /** basic, bearer, or another HTTP authentication scheme, lower case. */
  scheme?: string;
}

export interface OAuth2Use extends Use {
  type: 'oauth2';
  /** With a client-credentials flow: where tokens come from. */
  tokenUrl?: string;
}

export interface OpenIdConnectUse extends Use {
  type: 'openIdConnect';
}

export interface MutualTlsUse extends Use {
  type: 'mutualTLS';
}

/** A requirement naming a scheme the document does not declare, or declares with a type OpenAPI does not have. */
export interface UndeclaredUse extends Use {
  type: 'undeclared';
}

export type SchemeUse = ApiKeyUse | HttpUse | OAuth2Use | OpenIdConnectUse | MutualTlsUse | UndeclaredUse;

/** How AWS documents mark a key that signs requests: `awsSigv4`, and S3's `awsS3` (S3 takes Signature V4 in every region). */
const awsSignedTypes = new Set(['awssigv4', 'awss3']);

/**
 * Where a scheme's credential travels, as its sender puts it (see api-key, http-bearer…): Authorization for
 * HTTP, OAuth, OpenID Connect and AWS-signed keys, else the key's header (lower case), query parameter or
 * cookie; undefined for mutual TLS and undeclared schemes.
 */
export function credentialPlace(use: SchemeUse): { in: 'header' | 'query' | 'cookie'; name: string } | undefined {
  if (use.type === 'oauth2' || use.type === 'openIdConnect' || use.type === 'http') return { in: 'header', name: 'authorization' };
  if (use.type !== 'apiKey') return undefined;
  if (use.signing) return { in: 'header', name: 'authorization' };
  const where = use.in === 'query' || use.in === 'cookie' ? use.in : 'header';
  const name = use.parameterName ?? use.name;
  return { in: where, name: where === 'header' ? name.toLowerCase() : name };
}

/** The use of `declared` under the name `name`, with the scopes the requirement asks for. */
export function schemeUse(name: string, declared: SecuritySchemeObject | undefined, scopes: unknown): SchemeUse {
  const asked = Array.isArray(scopes) && scopes.length ? { scopes: scopes as string[] } : {};
  switch (declared?.type) {
    case 'apiKey':
      return {
        name,
        type: 'apiKey',
        // A document is input: a name or place that is not text (`name: 42`) is as good as none.
        ...(typeof declared.in === 'string' && declared.in ? { in: declared.in } : {}),
        ...(typeof declared.name === 'string' && declared.name ? { parameterName: declared.name } : {}),
        ...asked,
        ...(awsSignedTypes.has(String(declared['x-amazon-apigateway-authtype']).toLowerCase()) ? { signing: 'aws-sigv4' as const } : {}),
      };
    case 'http':
      return { name, type: 'http', ...(typeof declared.scheme === 'string' && declared.scheme ? { scheme: declared.scheme.toLowerCase() } : {}), ...asked };
    case 'oauth2': {
      const tokenUrl = declared.flows?.clientCredentials?.tokenUrl;
      return { name, type: 'oauth2', ...asked, ...(typeof tokenUrl === 'string' ? { tokenUrl } : {}) };
    }
    case 'openIdConnect':
    case 'mutualTLS':
      return { name, type: declared.type, ...asked };
    default:
      return { name, type: 'undeclared', ...asked };
  }
}

/** `apiKey in header X-Api-Key`, `http basic`, `oauth2` */
export function schemeDetail(use: SchemeUse): string {
  switch (use.type) {
    case 'apiKey':
      return use.signing
        ? 'AWS Signature V4, credential ACCESS_KEY_ID:SECRET_ACCESS_KEY[:SESSION_TOKEN]'
        : `apiKey in ${use.in ?? '?'} ${use.parameterName ?? ''}`.trim();
    case 'http':
      return `http ${use.scheme ?? ''}`.trim();
    default:
      return use.type;
  }
}

export interface Unsupported {
  /** How messages name the type: "mutual TLS". */
  name: string;
  /** Why it cannot be sent, and what to do instead. */
  reason: string;
}

/** Scheme types that take no credential from us. */
const unsupported: Partial<Record<string, Unsupported>> = {
  mutualTLS: {
    name: 'mutual TLS',
    reason:
      'mutual TLS needs a client certificate, which requests sent from here do not carry; put a proxy that adds it in front of the API and point --base-url at the proxy',
  },
};

/** Why a scheme of this type cannot be sent from here, or undefined when it can. */
export function unsupportedType(type: string): Unsupported | undefined {
  return unsupported[type];
}
