export function findViolations(base?: string): string[];
