/**
 * Delay before retry number `attempt` (1-based): exponential from `baseMs`, capped, with full
 * jitter so that many workers hitting one server do not retry in step.
 */
export function backoffDelayMs(
  attempt: number,
  options: { baseMs?: number; capMs?: number; random?: () => number } = {},
): number {
  const { baseMs = 1000, capMs = 60_000, random = Math.random } = options
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/**
 * Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds from `now`;
 * null when absent or unreadable. A small jitter (up to 20 %) is added by the caller's choice.
 */
export function retryAfterMs(
  header: string | null | undefined,
  now: number = Date.now(),
): number | null {
  if (!header) return null
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

/** Adds up to `fraction` of random extra wait, so cool-downs end at different moments. */
export function withJitter(ms: number, fraction = 0.2, random: () => number = Math.random): number {
  return Math.round(ms * (1 + random() * fraction))
}
