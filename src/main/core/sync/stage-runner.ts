import { FatalSyncError } from './download-types'
import type { ExecutorContext } from './executor-context'
import { errorMessage } from '../../../shared/error-message'
import { StageExecutors, type ResolvedStageDownloadTask } from './executors'
import { END, ReadyQueue } from './ready-queue'
import type { Scheduler } from './scheduler'
import { downloadStageWorkerSplit } from './worker-split'
import { readDownloadPayload } from './download-payload'
import type { RunMode } from '../../../shared/settings'

export interface StageRunOptions {
  mode: RunMode
  /** adaptive: the downloaders; static: all workers, split; single: the workers. */
  workers: number
  /** adaptive: most resolvers at once (never past the sources' own caps). */
  resolverCap: number
  controlIntervalMs?: number
}

export type StageRunOutcome =
  | { kind: 'completed' }
  | { kind: 'paused' }
  | { kind: 'canceled' }
  | { kind: 'fatal'; reason: string }

type Controllers = { cancel: AbortController; stopTransfers: AbortController }

/**
 * Runs a download stage: resolver workers feed a bounded ready queue that downloader workers
 * drain (static and adaptive modes), or each worker does both (single mode).
 */
export class StageRunner {
  private readonly executors: StageExecutors
  private readonly queue: ReadyQueue<ResolvedStageDownloadTask>
  private readonly resolvers = new Map<string, Promise<void>>()
  private readonly retiring = new Set<string>()
  private pausing = false
  private fatalReason: string | null = null
  private noMorePending = false
  private feeding = true
  private controlTimer: { cancel(): void } | null = null

  constructor(
    private readonly ctx: ExecutorContext,
    private readonly controllers: Controllers,
    private readonly stageId: number,
    private readonly options: StageRunOptions,
    private readonly scheduler: Scheduler,
  ) {
    this.executors = new StageExecutors(ctx)
    this.queue = new ReadyQueue(Math.max(1, 2 * this.downloaderCount()))
    ctx.board.watchQueue(() => ({ depth: this.queue.depth, capacity: this.queue.capacity }))
  }

  get readyQueue(): ReadyQueue<ResolvedStageDownloadTask> {
    return this.queue
  }

  async run(): Promise<StageRunOutcome> {
    const single = this.options.mode === 'single' || this.downloaderCount() === 0
    const workers = single ? this.runSingle() : this.runPools()
    await workers
    this.controlTimer?.cancel()
    if (this.controllers.cancel.signal.aborted) return { kind: 'canceled' }
    if (this.fatalReason !== null) return { kind: 'fatal', reason: this.fatalReason }
    return this.pausing ? { kind: 'paused' } : { kind: 'completed' }
  }

  /** Resolvers stop claiming; transfers finish or stop keeping their `.part`. */
  pause(): void {
    this.pausing = true
    this.queue.drain()
    if (!this.ctx.settings.finishTransfersOnPause) this.controllers.stopTransfers.abort()
  }

  cancel(): void {
    this.pausing = true
    this.controllers.cancel.abort()
    this.queue.drain()
  }

  private get stopping(): boolean {
    return this.pausing || this.controllers.cancel.signal.aborted
  }

  private downloaderCount(): number {
    const { mode, workers } = this.options
    if (mode === 'single') return 0
    return mode === 'static' ? downloadStageWorkerSplit(workers).downloaders : workers
  }

  private async runPools(): Promise<void> {
    const downloaders = Array.from({ length: this.downloaderCount() }, (_, i) =>
      this.downloaderLoop(`download-${i + 1}`),
    )
    const feeder = this.feedReadyItems()
    const initial =
      this.options.mode === 'static' ? downloadStageWorkerSplit(this.options.workers).resolvers : 1
    for (let i = 0; i < initial; i++) this.spawnResolver()
    if (this.options.mode === 'adaptive') this.scheduleControl()
    await feeder
    this.feeding = false
    this.maybeEndQueue()
    await Promise.all(downloaders)
    await Promise.all(this.resolvers.values())
  }

  private async runSingle(): Promise<void> {
    const backlog = this.ctx.ops.itemsInState(this.stageId, 'ready')
    const workers = Math.max(1, this.options.mode === 'single' ? this.options.workers : 1)
    await Promise.all(
      Array.from({ length: workers }, (_, i) => this.singleLoop(`download-${i + 1}`, backlog)),
    )
  }

  private async singleLoop(name: string, backlog: { id: number }[]): Promise<void> {
    this.ctx.board.register(name, 'single')
    while (!this.stopping) {
      const ready = backlog.shift()
      const task = ready ? this.taskFor(ready.id) : null
      try {
        if (task) {
          await this.executors.processDownloadTask(task, name)
          continue
        }
        const item = this.ctx.ops.leases.claimNext(this.stageId, name)
        if (!item) break
        this.ctx.itemChanged(item)
        await this.executors.processItem(item.id, name)
      } catch (error) {
        this.fatal(error)
      }
    }
  }

  private spawnResolver(): void {
    let n = 1
    while (this.resolvers.has(`resolve-${n}`)) n++
    const name = `resolve-${n}`
    const loop = this.resolverLoop(name).finally(() => {
      this.resolvers.delete(name)
      this.retiring.delete(name)
      this.maybeEndQueue()
    })
    this.resolvers.set(name, loop)
  }

  private async resolverLoop(name: string): Promise<void> {
    this.ctx.board.register(name, 'resolve')
    try {
      while (!this.stopping && !this.retiring.has(name)) {
        const item = this.ctx.ops.leases.claimNext(this.stageId, name)
        if (!item) {
          this.noMorePending = true
          break
        }
        this.ctx.itemChanged(item)
        await this.executors.processResolveItem(item.id, name, this.queue)
      }
    } catch (error) {
      this.fatal(error)
    } finally {
      this.ctx.board.remove(name)
    }
  }

  private async downloaderLoop(name: string): Promise<void> {
    this.ctx.board.register(name, 'download')
    while (!this.stopping) {
      const task = await this.queue.take()
      if (task === END || this.stopping) break
      try {
        await this.executors.processDownloadTask(task, name)
      } catch (error) {
        this.fatal(error)
      }
    }
  }

  /** Items already `ready` when a job resumes go straight to the queue. */
  private async feedReadyItems(): Promise<void> {
    for (const item of this.ctx.ops.itemsInState(this.stageId, 'ready')) {
      const task = this.taskFor(item.id)
      if (!task || this.stopping) continue
      try {
        await this.queue.put(task)
      } catch {
        return
      }
    }
  }

  private taskFor(itemId: number): ResolvedStageDownloadTask | null {
    const item = this.ctx.ops.getItem(itemId)
    const row = this.ctx.ops.downloadRow(itemId)
    const read = item?.resolvedPayload ? readDownloadPayload(item.resolvedPayload) : null
    if (!read?.ok || !row) {
      // Resolved again rather than trusted: the item goes back to pending, with the reason.
      const reason = read && !read.ok ? read.reason : null
      if (item?.state === 'ready') this.ctx.itemChanged(this.ctx.ops.requeueItem(itemId, reason))
      return null
    }
    return { itemId, playlistId: row.playlistId, row, resolvedPayload: read.payload }
  }

  /** Once no resolver can add more, each downloader gets the end marker after the last task. */
  private maybeEndQueue(): void {
    if (this.resolvers.size === 0 && !this.feeding) this.queue.end()
  }

  /**
   * Adaptive: below the low-water mark the queue will soon run dry, so add a resolver (one per
   * downloader already waiting, when they wait); when the queue is full, retire one.
   */
  private scheduleControl(): void {
    this.controlTimer = this.scheduler.setTimeout(() => {
      if (this.stopping || this.resolvers.size === 0) return
      const { depth, capacity, waitingTakers } = this.queue
      const lowWater = Math.max(1, Math.floor(capacity / 2))
      const active = this.resolvers.size - this.retiring.size
      if (!this.noMorePending && depth < lowWater) {
        const room = Math.min(Math.max(1, waitingTakers), this.options.resolverCap - active)
        for (let i = 0; i < room; i++) this.spawnResolver()
      } else if (depth >= capacity && active > 1) {
        const newest = [...this.resolvers.keys()].filter((n) => !this.retiring.has(n)).pop()
        if (newest) this.retiring.add(newest)
      }
      this.scheduleControl()
    }, this.options.controlIntervalMs ?? 100)
  }

  /** A library-full error (or a bug) pauses the whole job with the reason. */
  private fatal(error: unknown): void {
    this.fatalReason ??=
      error instanceof FatalSyncError ? error.message : `unexpected error: ${errorMessage(error)}`
    if (!(error instanceof FatalSyncError)) console.error(error)
    this.pause()
  }
}
