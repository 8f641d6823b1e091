type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Deep equality of JSON-like values, ignoring key order (edited objects rebuild their keys). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const left = a as Record<string, Json>
  const right = b as Record<string, Json>
  const keys = Object.keys(left).filter((key) => left[key] !== undefined)
  const other = Object.keys(right).filter((key) => right[key] !== undefined)
  return keys.length === other.length && keys.every((key) => jsonEqual(left[key], right[key]))
}
