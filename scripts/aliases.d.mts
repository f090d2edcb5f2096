/** `{ "@domain": "/abs/src/domain", … }`, read from tsconfig.json's "paths". */
export declare const aliases: Record<string, string>;
