export function nodeHostEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
