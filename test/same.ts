import { expect } from 'vitest';

/** Sets and maps as their entries (JSON.stringify writes both as `{}`). */
function entries(_key: string, value: unknown): unknown {
  if (value instanceof Set) return { set: [...value] };
  if (value instanceof Map) return { map: [...value] };
  return value;
}

/**
 * `expect(actual).toEqual(expected)` for large model data (changes, snapshots, whole sites),
 * compared many times over a replay: equal JSON text (sets and maps by their entries) is equal,
 * as toEqual would find it, at a fraction of the cost; where the texts differ, toEqual decides
 * (it ignores the order of object keys) and shows the difference.
 */
export function expectEqual(actual: unknown, expected: unknown, message?: string): void {
  if (JSON.stringify(actual, entries) === JSON.stringify(expected, entries)) return;
  expect(actual, message).toEqual(expected);
}
