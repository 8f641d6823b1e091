import { describe, expect, it } from 'vitest'
import { END, ReadyQueue } from '../../../src/main/core/sync/ready-queue'

describe('ReadyQueue', () => {
  it('makes put wait while full and never holds more than its capacity', async () => {
    const queue = new ReadyQueue<number>(2)
    await queue.put(1)
    await queue.put(2)
    let third = false
    const putting = queue.put(3).then(() => (third = true))
    await Promise.resolve()
    expect(third).toBe(false)
    expect(await queue.take()).toBe(1)
    await putting
    expect(third).toBe(true)
    expect(queue.maxDepth).toBe(2)
  })

  it('hands an item straight to a waiting taker', async () => {
    const queue = new ReadyQueue<string>(1)
    const taking = queue.take()
    expect(queue.waitingTakers).toBe(1)
    await queue.put('a')
    expect(await taking).toBe('a')
    expect(queue.depth).toBe(0)
  })

  it('gives every taker the end marker after the last item', async () => {
    const queue = new ReadyQueue<number>(3)
    await queue.put(7)
    queue.end()
    expect(await queue.take()).toBe(7)
    expect(await queue.take()).toBe(END)
    expect(await queue.take()).toBe(END)
    await expect(queue.put(8)).rejects.toThrow(/ended/)
  })

  it('drain returns what was queued and wakes waiting putters with an error', async () => {
    const queue = new ReadyQueue<number>(1)
    await queue.put(1)
    const blocked = queue.put(2)
    expect(queue.drain()).toEqual([1])
    await expect(blocked).rejects.toThrow(/ended/)
  })
})
