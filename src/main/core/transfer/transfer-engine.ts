import { errorMessage } from '../../../shared/error-message'
import type { IncomingHttpHeaders } from 'node:http'
import { mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { Agent, type Dispatcher } from 'undici'
import { systemClock, type Clock } from '../util'
import { HttpStatusError, redactUrl } from '../net'
import { assertAcceptedAudio } from './audio-check'
import { describeHead, EXPECTED_FORMATS } from './audio-container'
import { FileSink } from './file-sink'
import { discardSink, streamFollowingRedirects } from './http-stream'
import { copyLocalFile } from './local-copy'
import { commitPart, discardPart, partPathOf, readPartState, type PartState } from './part-file'
import { ProgressMeter } from './progress-meter'
import { contentLength, header, ifRangeValidator, mediaType } from './response-checks'
import { planResponse } from './response-plan'
import type { SpeedLimiter } from './speed-limiter'
import { StallWatch } from './stall-watch'
import {
  IncompleteBodyError,
  NotAudioError,
  StallError,
  TransferAbortedError,
  TransferError,
} from './transfer-errors'
import type { CopyRequest, DownloadRequest, TransferResult } from './transfer-types'

export interface TransferEngineOptions {
  /** Default: one undici Agent owned by the engine, keeping connections alive between files. */
  dispatcher?: Dispatcher
  speedLimiter?: SpeedLimiter
  /** Applies to the engine's own Agent; a given dispatcher brings its own. */
  connectTimeoutMs?: number
  /** No byte (or no headers) for this long fails the transfer. */
  stallTimeoutMs?: number
  maxRedirects?: number
  clock?: Clock
  progressIntervalMs?: number
}

/** Queued bytes per transfer before backpressure: big batches make few, large writes. */
const SINK_HIGH_WATER_MARK = 4 << 20
/** Headers the engine owns: a caller's copy must not turn off resume or compress the body. */
const ENGINE_HEADERS = new Set(['range', 'if-range', 'accept-encoding'])
/** Errors of our own disk, not of the network: retrying the download will not help. */
const DISK_ERRORS = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'EIO', 'ENAMETOOLONG'])

/** The answer whose body is being written, after redirects. */
interface Received {
  url: string
  headers: IncomingHttpHeaders
  /** Bytes of the .part kept before this body. */
  start: number
  sink: FileSink
  meter: ProgressMeter
}

/** One download in flight, with what the end checks and error messages need. */
interface Attempt {
  request: DownloadRequest
  signal: AbortSignal
  stop: AbortController
  watch: StallWatch
  received: Received | null
}

/**
 * Downloads to `<target>.part`, checks what arrived, then renames: a file at its final name is
 * always complete. Resumes a `.part` with Range + If-Range when the server still has the same
 * bytes, and starts over when it does not.
 */
export class TransferEngine {
  private readonly dispatcher: Dispatcher
  private readonly ownsDispatcher: boolean
  private readonly limiter: SpeedLimiter | undefined
  private readonly stallTimeoutMs: number
  private readonly maxRedirects: number
  private readonly clock: Clock
  private readonly progressIntervalMs: number

  constructor(options: TransferEngineOptions = {}) {
    this.ownsDispatcher = options.dispatcher === undefined
    this.dispatcher =
      options.dispatcher ??
      new Agent({
        connect: { timeout: options.connectTimeoutMs ?? 15_000 },
        keepAliveTimeout: 30_000,
      })
    this.limiter = options.speedLimiter
    this.stallTimeoutMs = options.stallTimeoutMs ?? 30_000
    this.maxRedirects = options.maxRedirects ?? 5
    this.clock = options.clock ?? systemClock
    this.progressIntervalMs = options.progressIntervalMs ?? 100
  }

  async download(request: DownloadRequest): Promise<TransferResult> {
    const attempt = this.startAttempt(request)
    try {
      await mkdir(dirname(request.targetPath), { recursive: true })
      if (request.resume === false) await discardPart(request.targetPath)
      const part = request.resume === false ? null : await readPartState(request.targetPath)
      let received = await this.fetchBody(attempt, part)
      if (received === null) {
        // The .part is no prefix of what the server has now (416, or another range).
        await discardPart(request.targetPath)
        received = await this.fetchBody(attempt, null)
      }
      if (received === null) {
        throw new TransferError(`unexpected partial answer from ${redactUrl(request.url)}`, false)
      }
      return await this.finish(request, received)
    } catch (error) {
      throw await this.failure(attempt, error)
    } finally {
      attempt.watch.disarm()
    }
  }

  copyLocal(request: CopyRequest): Promise<TransferResult> {
    return copyLocalFile(request, { now: this.clock, progressIntervalMs: this.progressIntervalMs })
  }

  /** Closes the engine's own connections; a dispatcher passed in is left to its owner. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close()
  }

  private startAttempt(request: DownloadRequest): Attempt {
    const stop = new AbortController()
    const seconds = this.stallTimeoutMs / 1000
    const onStall = (): void =>
      stop.abort(
        new StallError(`download stalled: no data for ${seconds}s from ${redactUrl(request.url)}`),
      )
    return {
      request,
      stop,
      signal: request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal,
      watch: new StallWatch(this.stallTimeoutMs, onStall),
      received: null,
    }
  }

  private requestHeaders(request: DownloadRequest, part: PartState | null): Record<string, string> {
    const headers: Record<string, string> = { 'accept-encoding': 'identity' }
    for (const [name, value] of Object.entries(request.headers ?? {})) {
      if (!ENGINE_HEADERS.has(name.toLowerCase())) headers[name] = value
    }
    const validator = part ? ifRangeValidator(part.meta) : null
    if (part && validator) {
      headers.range = `bytes=${part.bytes}-`
      headers['if-range'] = validator
    }
    return headers
  }

  /** Streams one answer into a FileSink; null when the answer says to drop the .part first. */
  private async fetchBody(attempt: Attempt, part: PartState | null): Promise<Received | null> {
    const expected = attempt.request.expectedBytes ?? null
    await streamFollowingRedirects({
      dispatcher: this.dispatcher,
      url: attempt.request.url,
      headers: this.requestHeaders(attempt.request, part),
      signal: attempt.signal,
      maxRedirects: this.maxRedirects,
      onAttempt: () => attempt.watch.arm(),
      onResponse: (url, statusCode, headers) => {
        const plan = planResponse(url, statusCode, headers, part, expected)
        if (plan.kind === 'restart') return discardSink()
        attempt.received = this.receive(attempt, url, headers, plan)
        return attempt.received.sink
      },
    })
    return attempt.received
  }

  private receive(
    attempt: Attempt,
    url: string,
    headers: IncomingHttpHeaders,
    { start, totalBytes }: { start: number; totalBytes: number | null },
  ): Received {
    const meter = new ProgressMeter(attempt.request.onProgress, {
      now: this.clock,
      totalBytes,
      startBytes: start,
      intervalMs: this.progressIntervalMs,
    })
    const sink = new FileSink({
      targetPath: attempt.request.targetPath,
      start,
      meta: {
        etag: header(headers, 'etag'),
        lastModified: header(headers, 'last-modified'),
        totalBytes,
      },
      meter,
      watch: attempt.watch,
      limiter: this.limiter,
      signal: attempt.signal,
      highWaterMark: SINK_HIGH_WATER_MARK,
    })
    return { url, headers, start, sink, meter }
  }

  /** Checks the length and the magic bytes of the synced .part, then gives it its final name. */
  private async finish(request: DownloadRequest, received: Received): Promise<TransferResult> {
    const { targetPath } = request
    const { url, headers, start, sink } = received
    const head = await sink.head()
    const format = await sink.audioFormat()
    await sink.close()
    const expected = contentLength(headers)
    if (expected !== null && sink.bytesWritten < expected) {
      throw new IncompleteBodyError(
        `incomplete download from ${redactUrl(url)}: got ${sink.bytesWritten} of ${expected} bytes`,
      )
    }
    if (format === null) {
      await discardPart(targetPath)
      throw new NotAudioError(
        `not an audio file: ${redactUrl(url)} sent ${describeHead(head)} (expected ${EXPECTED_FORMATS})`,
      )
    }
    try {
      await assertAcceptedAudio(partPathOf(targetPath), request.audioCheck)
    } catch (error) {
      // A refused file is deleted: resuming it would bring the same bytes back.
      await discardPart(targetPath)
      throw error
    }
    await commitPart(targetPath)
    received.meter.finish()
    return {
      path: targetPath,
      sizeBytes: start + sink.bytesWritten,
      contentHash: sink.hash.digest(),
      resumedFromBytes: start,
      contentType: mediaType(header(headers, 'content-type')),
      etag: header(headers, 'etag'),
      lastModified: header(headers, 'last-modified'),
    }
  }

  /** Turns any error into one clear line; an abort becomes an AbortError. */
  private async failure(attempt: Attempt, error: unknown): Promise<Error> {
    const { request, stop, received } = attempt
    await received?.sink.close()
    const url = redactUrl(request.url)
    if (request.signal?.aborted) {
      if (request.keepPartOnAbort === false) await discardPart(request.targetPath)
      return new TransferAbortedError(`download aborted: ${url}`)
    }
    const reason: unknown = stop.signal.aborted ? stop.signal.reason : error
    if (reason instanceof TransferError || reason instanceof HttpStatusError) return reason
    const detail = errorMessage(reason)
    if (DISK_ERRORS.has((reason as NodeJS.ErrnoException | null)?.code ?? '')) {
      return new TransferError(`cannot write ${request.targetPath}: ${detail}`, false, {
        cause: reason,
      })
    }
    if (received === null) {
      return new TransferError(`cannot download ${url}: ${detail}`, true, { cause: reason })
    }
    const expected = contentLength(received.headers)
    const of = expected === null ? '' : ` of ${expected}`
    return new IncompleteBodyError(
      `connection lost after ${received.sink.bytesWritten}${of} bytes from ${url}: ${detail}`,
      { cause: reason },
    )
  }
}
