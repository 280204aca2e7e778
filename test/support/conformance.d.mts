export declare const cacheDir: string;
export declare const conformancePackages: Record<'suite' | 'node', { name: string; version: string }>;
export declare function conformancePaths(): { node: string; cli: string };
