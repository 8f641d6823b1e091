import { describe, expect, it } from 'vitest'
import { ManualScheduler } from '../../support/manual-scheduler'

describe('ManualScheduler', () => {
  it('runs due timers in due order, ties in the order they were set, and stops the clock', async () => {
    const scheduler = new ManualScheduler(1000)
    const ran: string[] = []
    scheduler.setTimeout(() => ran.push('b@20'), 20)
    scheduler.setTimeout(() => ran.push('a@10'), 10)
    scheduler.setTimeout(() => ran.push('c@20'), 20)
    scheduler.setTimeout(() => ran.push('d@50'), 50)
    await scheduler.advance(20)
    expect(ran).toEqual(['a@10', 'b@20', 'c@20'])
    expect(scheduler.now()).toBe(1020)
    expect(scheduler.pending).toBe(1)
    await scheduler.advance(29)
    expect(ran).toHaveLength(3)
    await scheduler.advance(1)
    expect(ran).toEqual(['a@10', 'b@20', 'c@20', 'd@50'])
  })

  it('shows each timer the time it was due at, and runs the promise jobs it starts first', async () => {
    const scheduler = new ManualScheduler()
    const seen: string[] = []
    scheduler.setTimeout(() => {
      seen.push(`first at ${scheduler.now()}`)
      void Promise.resolve().then(() => seen.push('its promise job'))
    }, 5)
    scheduler.setTimeout(() => seen.push(`second at ${scheduler.now()}`), 5)
    await scheduler.advance(100)
    expect(seen).toEqual(['first at 5', 'its promise job', 'second at 5'])
  })

  it('never runs a cancelled timer', async () => {
    const scheduler = new ManualScheduler()
    let ran = false
    scheduler.setTimeout(() => (ran = true), 10).cancel()
    await scheduler.advance(10)
    expect(ran).toBe(false)
    expect(scheduler.pending).toBe(0)
  })

  it('sleeps on its own time, and an abort ends the sleep at once', async () => {
    const scheduler = new ManualScheduler()
    const woke = await scheduler.runUntil(
      scheduler.sleep(1500, new AbortController().signal).then(() => scheduler.now()),
    )
    expect(woke).toBe(1500)
    const controller = new AbortController()
    const sleeping = scheduler.sleep(1000, controller.signal)
    controller.abort(new Error('stop'))
    await expect(sleeping).rejects.toThrow('stop')
    expect(scheduler.pending).toBe(0)
    await expect(scheduler.sleep(1, controller.signal)).rejects.toThrow('stop')
  })

  it('refuses to wait on a promise that no timer will ever settle', async () => {
    const scheduler = new ManualScheduler()
    await expect(scheduler.runUntil(new Promise(() => undefined))).rejects.toThrow(
      'no timer is left to run',
    )
    scheduler.setTimeout(() => undefined, 5000)
    await expect(scheduler.runUntil(new Promise(() => undefined), 1000)).rejects.toThrow(
      'after 1000 ms of scheduler time',
    )
  })

  it('passes on what the awaited promise rejects with', async () => {
    const scheduler = new ManualScheduler()
    const failing = scheduler
      .sleep(10, new AbortController().signal)
      .then(() => Promise.reject(new Error('broken')))
    await expect(scheduler.runUntil(failing)).rejects.toThrow('broken')
    expect(scheduler.now()).toBe(10)
  })
})
