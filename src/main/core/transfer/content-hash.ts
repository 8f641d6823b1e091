import { createHash } from 'node:crypto'
import { open, type FileHandle } from 'node:fs/promises'
import { xxh3 } from '@node-rs/xxhash'

/**
 * `xxh3` (XXH3, 64 bits) is what every new file gets: it finds corrupted or changed files as
 * well as a cryptographic hash at a tenth of SHA-256's CPU cost, so it runs while streaming.
 * `sha256` is what older catalog rows hold; they are still checked.
 */
export type HashAlgorithm = 'xxh3' | 'sha256'

export const CONTENT_HASH_ALGORITHM: HashAlgorithm = 'xxh3'

/** A hash fed chunk by chunk; `digest` gives the self-describing `<algorithm>:<hex>` value. */
export interface ContentHasher {
  update(chunk: Uint8Array): void
  digest(): string
}

const READ_CHUNK = 1 << 20

export function createContentHasher(algorithm = CONTENT_HASH_ALGORITHM): ContentHasher {
  if (algorithm === 'sha256') {
    const sha = createHash('sha256')
    return {
      update: (chunk) => void sha.update(chunk),
      digest: () => `sha256:${sha.digest('hex')}`,
    }
  }
  const state = xxh3.Xxh3.withSeed()
  return {
    update: (chunk) => void state.update(chunk),
    // Big-endian hex, as `xxhsum -H3` prints it.
    digest: () => `xxh3:${state.digest().toString(16).padStart(16, '0')}`,
  }
}

/** The algorithm a stored value names, or null for a value this build cannot check. */
export function algorithmOf(contentHash: string): HashAlgorithm | null {
  const prefix = contentHash.slice(0, contentHash.indexOf(':'))
  return prefix === 'xxh3' || prefix === 'sha256' ? prefix : null
}

/**
 * Feeds an open file's bytes from offset 0 to `hasher`: the first `bytes`, or all of it when
 * null. Returns how many bytes were read (fewer than asked when the file is shorter).
 */
export async function hashOpenFile(
  handle: FileHandle,
  hasher: ContentHasher,
  bytes: number | null = null,
): Promise<number> {
  const limit = bytes ?? Number.POSITIVE_INFINITY
  const buffer = Buffer.allocUnsafe(READ_CHUNK)
  let position = 0
  while (position < limit) {
    const length = Math.min(buffer.length, limit - position)
    const { bytesRead } = await handle.read(buffer, 0, length, position)
    if (bytesRead === 0) break
    hasher.update(buffer.subarray(0, bytesRead))
    position += bytesRead
  }
  return position
}

/**
 * The `contentHash` of a file on disk, read in large pieces so that a big file is never held
 * in memory. It agrees with the hash a transfer computes while streaming (the same hasher).
 */
export async function hashFile(path: string, algorithm = CONTENT_HASH_ALGORITHM): Promise<string> {
  const hasher = createContentHasher(algorithm)
  const handle = await open(path, 'r')
  try {
    await hashOpenFile(handle, hasher)
  } finally {
    await handle.close()
  }
  return hasher.digest()
}
