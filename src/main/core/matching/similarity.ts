/**
 * 1 − edit distance / longer length, over code points (so a CJK or emoji character counts
 * once). Two empty strings are equal; one empty string is nothing like anything.
 */
export function similarity(a: string, b: string): number {
  if (a === b) return 1
  const left = Array.from(a)
  const right = Array.from(b)
  if (left.length === 0 || right.length === 0) return 0
  return 1 - editDistance(left, right) / Math.max(left.length, right.length)
}

function editDistance(left: readonly string[], right: readonly string[]): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index)
  for (let i = 1; i <= left.length; i++) {
    const current = [i]
    for (let j = 1; j <= right.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[right.length] ?? 0
}
