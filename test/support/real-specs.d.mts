export declare const cacheDir: string;
export declare const realSpecPackages: Record<string, { name: string; version: string; file: string }>;
export declare function realSpecPath(key: string): string;
export declare function realSpecPackageDir(key: string): string;
