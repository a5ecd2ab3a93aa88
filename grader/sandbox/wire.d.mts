// Types of wire.mjs (plain JavaScript, since the sandbox's host imports it too).

/** Where a value JSON cannot carry was, and which one it was. */
export type Special = [path: (string | number)[], code: '-0' | 'NaN' | 'Infinity' | '-Infinity' | 'undefined'];

export function specialCode(value: unknown): Special[1] | null;
export function findSpecials(value: unknown): Special[];
export function restoreSpecials<T>(value: T, specials: unknown): T;

/** How large a reply may be, on both sides of the boundary (see wire.mjs). */
export const REPLY_LIMITS: Readonly<{ maxDepth: number; maxEntries: number; maxStringLength: number; maxBytes: number; maxMessageBytes: number }>;
