import { constants } from 'node:fs'
import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { FormatProblem } from './errors'

const CHUNK_BYTES = 1024 * 1024

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? String(error)})`
}

function tooLarge(maxBytes: number): FormatProblem {
  return new FormatProblem(`file is larger than ${maxBytes / 1024 / 1024} MB`)
}

/** Reads to the end, but stops past the cap in case the file grows or lies about its size. */
async function readAtMost(handle: FileHandle, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES)
    const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null)
    if (bytesRead === 0) return Buffer.concat(chunks, total)
    chunks.push(chunk.subarray(0, bytesRead))
    total += bytesRead
    if (total > maxBytes) throw tooLarge(maxBytes)
  }
}

/**
 * Reads a regular file of at most `maxBytes`. O_NONBLOCK keeps a FIFO from blocking the
 * open, and the type and size are checked on the open handle, not on the path.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  let handle: FileHandle
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw new FormatProblem(describeFsError(error))
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new FormatProblem('not a regular file')
    if (info.size > maxBytes) throw tooLarge(maxBytes)
    return await readAtMost(handle, maxBytes)
  } catch (error) {
    throw error instanceof FormatProblem ? error : new FormatProblem(describeFsError(error))
  } finally {
    await handle.close()
  }
}
