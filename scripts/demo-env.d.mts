export declare const demoEnv: (port: number | string) => Record<string, string>;
