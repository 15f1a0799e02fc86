export declare const root: string;
export declare const cliPath: string;
export declare const ensureCompiled: () => void;
