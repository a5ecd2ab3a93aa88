// Types of plainData.mjs (plain JavaScript, since the sandbox's host imports it).
import type { Special } from './wire.d.mts';

type SandboxError = { name: string; message: string };

/** { name, message } of anything thrown, without trusting it. */
export function describeError(e: unknown): SandboxError;
/** Sets an own data property (a `__proto__` key included). */
export function put(object: object, key: string | number, value: unknown): void;
/** object[key] when it is an own property, else undefined; never throws. */
export function hasOwnValue(object: unknown, key: string): unknown;
/** The outcome of copying a result as plain data within REPLY_LIMITS; `budget.used` counts entries across a batch. */
export function settle(
  value: unknown,
  budget: { used: number },
): { kind: 'returned'; value: unknown; specials?: Special[] } | { kind: 'threw'; error: SandboxError };
