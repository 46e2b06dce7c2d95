export function newestMtime(target: string): number;
export function isStale(root: string, outputs: string[], sources: string[]): boolean;
export function buildIsStale(root?: string): boolean;
