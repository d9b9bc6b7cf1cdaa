export const NODE_HOST_ENV: Readonly<Record<string, string>>;
