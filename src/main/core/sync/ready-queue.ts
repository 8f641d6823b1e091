/** The end marker a downloader receives when no more tasks will come. */
export const END = Symbol('end of ready queue')
export type Taken<T> = T | typeof END

/**
 * The bounded queue between resolvers and downloaders. `put` waits while it is full, `take`
 * waits while it is empty; `end()` makes every waiting and later `take` return END once the
 * queue is drained, and `abort()` drops what is queued and wakes everyone at once.
 */
export class ReadyQueue<T> {
  private readonly items: T[] = []
  private readonly takers: ((value: Taken<T>) => void)[] = []
  private readonly putters: (() => void)[] = []
  private ended = false
  private highWater = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`queue capacity must be ≥ 1, got ${capacity}`)
    }
  }

  get depth(): number {
    return this.items.length
  }

  /** The most items the queue ever held at once. */
  get maxDepth(): number {
    return this.highWater
  }

  /** Downloaders currently waiting for work. */
  get waitingTakers(): number {
    return this.takers.length
  }

  async put(item: T): Promise<void> {
    while (this.items.length >= this.capacity && !this.ended) {
      await new Promise<void>((resolve) => this.putters.push(resolve))
    }
    if (this.ended) throw new Error('the ready queue has ended')
    const taker = this.takers.shift()
    if (taker) {
      taker(item)
      return
    }
    this.items.push(item)
    this.highWater = Math.max(this.highWater, this.items.length)
  }

  take(): Promise<Taken<T>> {
    const item = this.items.shift()
    if (item !== undefined) {
      this.putters.shift()?.()
      return Promise.resolve(item)
    }
    if (this.ended) return Promise.resolve(END)
    return new Promise((resolve) => this.takers.push(resolve))
  }

  /** No more puts: takers get the remaining items, then END. */
  end(): void {
    this.ended = true
    for (const taker of this.takers.splice(0)) taker(END)
    for (const putter of this.putters.splice(0)) putter()
  }

  /** Ends and returns what was still queued. */
  drain(): T[] {
    const left = this.items.splice(0)
    this.end()
    return left
  }
}
