import type { EventBus } from '../core/events'
import type { CoreEvents, TransferEvent } from '../../shared/events'
import type { WorkerState } from '../../shared/dashboard'
import type { ItemState, StateCounts } from '../../shared/states'
import type { CliIo } from './cli-io'
import { renderLanes, totalsLine, type LanesModel } from './lanes-view'

const PLAIN_EVERY_MS = 5000

/**
 * Shows a running sync: on a terminal the lanes are redrawn in place; elsewhere (a log, a
 * pipe) a totals line is printed every few seconds.
 */
export class SyncView {
  private workers: WorkerState[] = []
  private transfer: TransferEvent | null = null
  private drawnLines = 0
  private lastPlain = 0
  private readonly offs: (() => void)[] = []

  constructor(
    private readonly io: CliIo,
    bus: EventBus<CoreEvents>,
    private readonly counts: () => StateCounts<ItemState>,
    private readonly total: number,
  ) {
    this.offs.push(
      bus.on('workers', ({ workers }) => {
        this.workers = workers
        this.draw()
      }),
      bus.on('transfer', (transfer) => {
        this.transfer = transfer
      }),
    )
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off()
    if (this.io.isTty) this.draw(true)
  }

  private model(): LanesModel {
    return {
      workers: this.workers,
      transfer: this.transfer,
      counts: this.counts(),
      total: this.total,
    }
  }

  private draw(final = false): void {
    if (!this.io.isTty || !this.io.write) {
      const now = Date.now()
      if (now - this.lastPlain < PLAIN_EVERY_MS) return
      this.lastPlain = now
      this.io.err(totalsLine(this.model()))
      return
    }
    const width = Math.max(40, (this.io.columns ?? 100) - 1)
    const lines = final ? [totalsLine(this.model())] : renderLanes(this.model(), width)
    const up = this.drawnLines > 0 ? `\x1b[${this.drawnLines}F` : ''
    this.io.write(`${up}\x1b[J${lines.join('\n')}\n`)
    this.drawnLines = lines.length
  }
}
