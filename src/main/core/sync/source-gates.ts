import { sleep, type Clock } from '../util'
interface Gate {
  limit: number
  active: number
  waiters: (() => void)[]
  coolUntil: number
}

/**
 * Per-source admission: at most `maxConcurrency` resolves or transfers at once, and none while
 * the source cools down after a 429/503. Waiting callers can see how long is left.
 */
export class SourceGates {
  private readonly gates = new Map<string, Gate>()

  constructor(
    private readonly now: Clock,
    /** How a cool-down is waited out; tests pass their scheduler's, so no real time passes. */
    private readonly wait: (ms: number, signal: AbortSignal) => Promise<void> = sleep,
  ) {}

  configure(sourceId: string, maxConcurrency: number): void {
    const gate = this.gate(sourceId)
    gate.limit = Math.max(1, maxConcurrency)
  }

  /** Milliseconds until the source may be used again (0 when it is not cooling down). */
  coolingFor(sourceId: string): number {
    return Math.max(0, this.gate(sourceId).coolUntil - this.now())
  }

  coolDown(sourceId: string, ms: number): void {
    const gate = this.gate(sourceId)
    gate.coolUntil = Math.max(gate.coolUntil, this.now() + ms)
  }

  /** Waits while the source cools down (transfers are limited by the downloaders, not here). */
  async waitUntilCool(sourceId: string, signal: AbortSignal, onWait?: (text: string) => void) {
    for (
      let cooling = this.coolingFor(sourceId);
      cooling > 0;
      cooling = this.coolingFor(sourceId)
    ) {
      onWait?.(`${sourceId} cooling down ${Math.ceil(cooling / 1000)}s`)
      await this.wait(Math.min(cooling, 1000), signal)
    }
  }

  /** Runs `task` when the source has a free slot and is not cooling down. */
  async run<T>(
    sourceId: string,
    task: () => Promise<T>,
    signal: AbortSignal,
    onWait?: (text: string) => void,
  ): Promise<T> {
    const gate = this.gate(sourceId)
    for (;;) {
      await this.waitUntilCool(sourceId, signal, onWait)
      if (gate.active < gate.limit) break
      await waitForSlot(gate, signal)
    }
    gate.active++
    try {
      return await task()
    } finally {
      gate.active--
      gate.waiters.shift()?.()
    }
  }

  private gate(sourceId: string): Gate {
    let gate = this.gates.get(sourceId)
    if (!gate) {
      gate = { limit: 4, active: 0, waiters: [], coolUntil: 0 }
      this.gates.set(sourceId, gate)
    }
    return gate
  }
}

function waitForSlot(gate: Gate, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const wake = () => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }
    const onAbort = () => {
      const index = gate.waiters.indexOf(wake)
      if (index >= 0) gate.waiters.splice(index, 1)
      reject(signal.reason)
    }
    gate.waiters.push(wake)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
