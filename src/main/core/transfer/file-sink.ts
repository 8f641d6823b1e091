import { open, type FileHandle } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { createContentHasher, type ContentHasher } from './content-hash'
import type { AudioFormat } from '../../../shared/audio-formats'
import { detectAudioFormat } from './audio-container'
import { hashPrefix, partPathOf, readHead, writePartMeta, type PartMeta } from './part-file'
import type { ProgressMeter } from './progress-meter'
import type { SpeedLimiter } from './speed-limiter'
import type { StallWatch } from './stall-watch'

/** Bytes gathered before a write; the last batch is written at the end. */
const WRITE_BATCH = 1 << 20

export interface FileSinkOptions {
  targetPath: string
  /** Bytes of the `.part` kept (the resume offset); 0 starts the file over. */
  start: number
  meta: PartMeta
  meter: ProgressMeter
  watch: StallWatch
  limiter: SpeedLimiter | undefined
  signal: AbortSignal
  /** Bytes queued before backpressure; large, so that batches reach the disk in few calls. */
  highWaterMark: number
}

/**
 * The `.part` file as the end of undici's stream: paces chunks through the speed limiter,
 * accepts them into its own queue from the first byte (while the file is still being opened),
 * hashes them and writes each batch with one `writev`. Even when the transfer fails, what
 * arrived is written before the sink closes, so a resume need not fetch it again.
 */
export class FileSink extends Writable {
  readonly hash = createContentHasher()
  private readonly ready: Promise<FileHandle>
  private queue: Buffer[] = []
  private queuedBytes = 0
  private held: (() => void) | null = null
  private flushing: Promise<void> | null = null
  /** Set at the end (or on failure): the last, partial batch is written too. */
  private draining = false
  private position: number
  private closing: Promise<void> | null = null

  constructor(private readonly options: FileSinkOptions) {
    super({ decodeStrings: false })
    this.position = options.start
    this.ready = openPart(options, this.hash)
    this.ready.catch(() => undefined)
  }

  /** Bytes this response added to the file. */
  get bytesWritten(): number {
    return this.position - this.options.start
  }

  override _write(chunk: Buffer, _encoding: string, callback: (error?: Error | null) => void) {
    const { limiter, meter, signal, watch } = this.options
    meter.add(chunk.length)
    if (!limiter || limiter.tryTake(chunk.length)) return this.enqueue(chunk, callback)
    // Waiting on our own speed limit is no stall of the server's.
    watch.disarm()
    limiter.take(chunk.length, signal).then(() => this.enqueue(chunk, callback), callback)
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.options.watch.disarm()
    this.draining = true
    this.flush()
      .then(() => this.ready)
      .then((handle) => handle.sync())
      .then(() => callback(), callback)
  }

  /** Undici destroys the sink after a failure and after success alike: keep what arrived. */
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.options.watch.disarm()
    this.draining = true
    this.flush().then(
      () => callback(error),
      () => callback(error),
    )
  }

  /** The file's first bytes, for the magic check once the body is complete. */
  async head(): Promise<Uint8Array> {
    return readHead(await this.ready)
  }

  /** The audio container of what was written, or null when it is not audio. */
  async audioFormat(): Promise<AudioFormat | null> {
    return detectAudioFormat(await this.ready)
  }

  /** Closes the file; the engine calls it once the transfer ended either way. */
  close(): Promise<void> {
    this.closing ??= this.ready.then(
      (handle) => handle.close(),
      () => undefined,
    )
    return this.closing
  }

  private enqueue(chunk: Buffer, callback: (error?: Error | null) => void): void {
    this.queue.push(chunk)
    this.queuedBytes += chunk.length
    if (this.queuedBytes < this.options.highWaterMark) {
      this.options.watch.arm()
      callback()
    } else {
      // We are the slow side now: the server cannot be blamed for a stall.
      this.options.watch.disarm()
      this.held = callback
    }
    // Small writes cost far more system time per byte: let a batch grow before writing it.
    if (this.writeDue()) void this.flush().catch((error: Error) => this.destroy(error))
  }

  /** Writes full batches, or everything once draining; resolves when nothing is due. */
  private flush(): Promise<void> {
    this.flushing ??= this.flushQueue().finally(() => {
      this.flushing = null
    })
    return this.flushing.then(() => (this.writeDue() ? this.flush() : undefined))
  }

  private writeDue(): boolean {
    return this.queuedBytes >= WRITE_BATCH || (this.draining && this.queue.length > 0)
  }

  private async flushQueue(): Promise<void> {
    const handle = await this.ready
    while (this.writeDue()) {
      const batch = this.queue
      const bytes = this.queuedBytes
      this.queue = []
      this.queuedBytes = 0
      this.release()
      await this.writeBatch(handle, batch, bytes)
    }
  }

  /** Lets a held write return: there is room in the queue again. */
  private release(): void {
    const callback = this.held
    this.held = null
    if (callback) {
      this.options.watch.arm()
      callback()
    }
  }

  private async writeBatch(handle: FileHandle, buffers: Buffer[], bytes: number): Promise<void> {
    for (const buffer of buffers) this.hash.update(buffer)
    let written = (await handle.writev(buffers, this.position)).bytesWritten
    while (written < bytes) {
      const rest = Buffer.concat(buffers).subarray(written)
      written += (await handle.writev([rest], this.position + written)).bytesWritten
    }
    this.position += bytes
  }
}

/** Opens the `.part` for this response: after its kept prefix (hashed first), or emptied. */
async function openPart(options: FileSinkOptions, hash: ContentHasher): Promise<FileHandle> {
  await writePartMeta(options.targetPath, options.meta)
  const handle = await open(partPathOf(options.targetPath), options.start > 0 ? 'r+' : 'w+')
  try {
    if (options.start > 0) {
      await handle.truncate(options.start)
      await hashPrefix(handle, options.start, hash)
    }
    return handle
  } catch (error) {
    await handle.close()
    throw error
  }
}
