export function electronBinary(): string | null;
export function electronInstallScript(): string;
