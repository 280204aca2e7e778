export declare const cacheDir: string;
export declare const conformanceSuites: Record<'2025-11-25' | '2026-07-28', { name: string; version: string; prefix: string; args: string[] }>;
export declare const nodeRuntime: { name: string; version: string; prefix: string };
export declare function conformancePaths(revision: '2025-11-25' | '2026-07-28'): { node: string; cli: string; args: string[] };
