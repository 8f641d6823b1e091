import { xxh3 } from '@node-rs/xxhash'

/** The `contentHash` a transfer should record for `body`, from the one-shot XXH3 function. */
export const xxh3Of = (body: Uint8Array): string =>
  `xxh3:${xxh3.xxh64(body).toString(16).padStart(16, '0')}`
