import type { Clock } from '../util'
import type { ProgressListener, TransferProgress } from './transfer-types'

export interface ProgressMeterOptions {
  now: Clock
  totalBytes: number | null
  /** Bytes already in the file (a resumed prefix): counted as done, not as speed. */
  startBytes?: number
  /** At most one report per interval, so per-chunk calls stay cheap. */
  intervalMs?: number
  /** Time constant of the moving average. */
  smoothingMs?: number
}

/**
 * Counts bytes and reports progress at most every `intervalMs`, with the speed as an
 * exponentially weighted moving average over about `smoothingMs`.
 */
export class ProgressMeter {
  private downloaded: number
  private readonly total: number | null
  private readonly intervalMs: number
  private readonly smoothingMs: number
  private readonly now: Clock
  private sampleAt: number
  private sampleBytes: number
  private speed: number | null = null

  constructor(
    private readonly listener: ProgressListener | undefined,
    options: ProgressMeterOptions,
  ) {
    this.now = options.now
    this.total = options.totalBytes
    this.downloaded = options.startBytes ?? 0
    this.sampleBytes = this.downloaded
    this.intervalMs = options.intervalMs ?? 100
    this.smoothingMs = options.smoothingMs ?? 1500
    this.sampleAt = this.now()
  }

  get downloadedBytes(): number {
    return this.downloaded
  }

  add(bytes: number): void {
    this.downloaded += bytes
    if (!this.listener) return
    const now = this.now()
    const elapsed = now - this.sampleAt
    if (elapsed < this.intervalMs) return
    const instant = ((this.downloaded - this.sampleBytes) * 1000) / elapsed
    const weight = 1 - Math.exp(-elapsed / this.smoothingMs)
    this.speed = this.speed === null ? instant : this.speed + weight * (instant - this.speed)
    this.sampleAt = now
    this.sampleBytes = this.downloaded
    this.listener(this.snapshot(this.total))
  }

  /** The closing report: the whole file, 100 %. */
  finish(): void {
    this.listener?.({ ...this.snapshot(this.downloaded), percent: 100 })
  }

  private snapshot(total: number | null): TransferProgress {
    return {
      downloadedBytes: this.downloaded,
      totalBytes: total,
      speedBytesPerSec: Math.round(this.speed ?? 0),
      percent: total ? Math.min(100, (this.downloaded / total) * 100) : null,
    }
  }
}
