// Attribute names in yt-dlp's Set-Cookie-like `cookies` field; the rest are name=value pairs.
const ATTRIBUTES = new Set([
  'domain',
  'path',
  'secure',
  'expires',
  'version',
  'max-age',
  'httponly',
  'samesite',
])

/** The Cookie header for yt-dlp's `cookies` field ("a=1; Domain=.x; Path=/; Secure; b=2"). */
export function cookieHeaderOf(cookies: string | null | undefined): string | null {
  if (!cookies) return null
  const pairs = cookies
    .split(';')
    .map((part) => part.trim())
    .filter((part) => {
      const name = part.split('=', 1)[0]?.trim().toLowerCase() ?? ''
      return part.includes('=') && !ATTRIBUTES.has(name)
    })
  return pairs.length > 0 ? pairs.join('; ') : null
}
