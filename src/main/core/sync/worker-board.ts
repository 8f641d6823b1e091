import type { WorkerRole, WorkerState } from '../../../shared/dashboard'
import type { CoreEvents } from '../../../shared/events'
import type { EventBus } from '../events'
import { transferStats } from '../ops'
import { Coalescer, type Scheduler } from './scheduler'

export interface BoardOptions {
  /** Snapshots published at most this often (~10 a second). */
  emitIntervalMs?: number
  /** Worker rows written to the catalog at most this often. */
  persistIntervalMs?: number
}

export interface QueueGauge {
  depth: number
  capacity: number
}

/** A worker with nothing to do, as every card starts. */
export const idleWorker = (name: string, role: WorkerRole): WorkerState => ({
  name,
  role,
  status: 'idle',
  item_id: null,
  song_id: null,
  playlist_id: null,
  display_text: '',
  progress_text: '',
  downloaded_bytes: 0,
  total_bytes: null,
  speed_bytes_per_sec: 0,
  percent: null,
})

const byName = (a: WorkerState, b: WorkerState) =>
  a.role.localeCompare(b.role) || a.name.length - b.name.length || a.name.localeCompare(b.name)

/**
 * Worker states held in memory. Every update only marks the board dirty; snapshots and
 * transfer figures go out at most every `emitIntervalMs`, and the catalog sees the workers
 * every `persistIntervalMs`, so a progress chunk never costs a database write.
 */
export class WorkerBoard {
  private readonly states = new Map<string, WorkerState>()
  private readonly emitter: Coalescer
  private readonly persister: Coalescer
  private queueGauge: () => QueueGauge = () => ({ depth: 0, capacity: 0 })
  private bytesDone = 0
  private itemsDone = 0
  private itemsLeft = 0
  private readonly startedAt: number

  constructor(
    private readonly jobId: number,
    private readonly bus: EventBus<CoreEvents>,
    private readonly persist: (workers: WorkerState[]) => void,
    private readonly scheduler: Scheduler,
    options: BoardOptions = {},
  ) {
    this.startedAt = scheduler.now()
    this.emitter = new Coalescer(scheduler, options.emitIntervalMs ?? 100, () => this.publish())
    this.persister = new Coalescer(scheduler, options.persistIntervalMs ?? 2000, () =>
      this.persist(this.snapshot()),
    )
  }

  register(name: string, role: WorkerRole): void {
    this.states.set(name, idleWorker(name, role))
    this.changed()
  }

  remove(name: string): void {
    this.states.delete(name)
    this.changed()
  }

  update(name: string, patch: Partial<Omit<WorkerState, 'name' | 'role'>>): void {
    const state = this.states.get(name)
    if (!state) return
    Object.assign(state, patch)
    this.changed()
  }

  /** Back to idle after an item, keeping the worker's name and role. */
  reset(name: string): void {
    const state = this.states.get(name)
    if (!state) return
    this.states.set(name, idleWorker(name, state.role))
    this.changed()
  }

  watchQueue(gauge: () => QueueGauge): void {
    this.queueGauge = gauge
  }

  setItemsLeft(left: number): void {
    this.itemsLeft = left
  }

  itemFinished(bytes: number): void {
    this.bytesDone += bytes
    this.itemsDone += 1
    this.itemsLeft = Math.max(0, this.itemsLeft - 1)
    this.changed()
  }

  snapshot(): WorkerState[] {
    return [...this.states.values()].map((state) => ({ ...state })).sort(byName)
  }

  /** Publishes and persists the latest state now (at pause, cancel and the end of a run). */
  flush(): void {
    this.emitter.poke()
    this.emitter.flush()
    this.persister.poke()
    this.persister.flush()
  }

  private changed(): void {
    this.emitter.poke()
    this.persister.poke()
  }

  private publish(): void {
    const workers = this.snapshot()
    const queue = this.queueGauge()
    const stats = transferStats(workers)
    const running = workers.reduce(
      (sum, w) => sum + (w.role === 'resolve' ? 0 : w.downloaded_bytes),
      0,
    )
    const elapsed = (this.scheduler.now() - this.startedAt) / 1000
    const eta =
      this.itemsDone > 0 && elapsed > 0 ? (this.itemsLeft * elapsed) / this.itemsDone : null
    this.bus.emit('transfer', {
      jobId: this.jobId,
      downloadSpeedBytesPerSec: stats.download_speed_bytes_per_sec,
      queueDepth: queue.depth,
      queueCapacity: queue.capacity,
      activeResolvers: stats.active_resolvers,
      activeDownloads: stats.active_downloads,
      bytesDone: this.bytesDone + running,
      etaSeconds: eta === null ? null : Math.round(eta),
    })
    // After the transfer figures, so a view that redraws on `workers` shows matching totals.
    this.bus.emit('workers', { jobId: this.jobId, workers })
  }
}
