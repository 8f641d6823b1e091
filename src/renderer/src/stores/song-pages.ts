/** Rows per `playlists:songs` request (the service allows up to 500). */
export const PAGE_SIZE = 200

/** The page indexes covering rows `first..last` (inclusive). */
export function pagesFor(first: number, last: number, pageSize = PAGE_SIZE): number[] {
  if (last < first || last < 0) return []
  const from = Math.floor(Math.max(0, first) / pageSize)
  const to = Math.floor(last / pageSize)
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

/** The row at `index` of the cached pages, or undefined while its page is not loaded. */
export function rowAt<T>(
  pages: Readonly<Record<number, readonly T[]>>,
  index: number,
  pageSize = PAGE_SIZE,
): T | undefined {
  return pages[Math.floor(index / pageSize)]?.[index % pageSize]
}
