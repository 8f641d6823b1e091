import { describe, expect, it } from 'vitest'
import { SourceGates } from '../../../src/main/core/sync/source-gates'
import { ManualScheduler } from '../../support/manual-scheduler'

const never = new AbortController().signal

/** Gates on a manual scheduler, and a task that runs until the test lets it finish. */
function gates() {
  const scheduler = new ManualScheduler()
  const sourceGates = new SourceGates(() => scheduler.now(), scheduler.sleep)
  const running: string[] = []
  const finish = new Map<string, () => void>()
  const task = (name: string) => () =>
    new Promise<string>((resolve) => {
      running.push(name)
      finish.set(name, () => {
        running.splice(running.indexOf(name), 1)
        resolve(name)
      })
    })
  return { scheduler, sourceGates, running, finish, task }
}

describe('SourceGates', () => {
  it('runs at most the configured number of tasks on a source, and wakes waiters in order', async () => {
    const { scheduler, sourceGates, running, finish, task } = gates()
    sourceGates.configure('subsonic', 2)
    const runs = ['a', 'b', 'c', 'd'].map((name) => sourceGates.run('subsonic', task(name), never))
    await scheduler.advance(0)
    expect(running).toEqual(['a', 'b'])
    finish.get('b')?.()
    await scheduler.advance(0)
    expect(running).toEqual(['a', 'c'])
    finish.get('a')?.()
    finish.get('c')?.()
    await scheduler.advance(0)
    expect(running).toEqual(['d'])
    finish.get('d')?.()
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('keeps sources apart, allows four at once by default, and never fewer than one', async () => {
    const { scheduler, sourceGates, running, task } = gates()
    for (const name of ['d1', 'd2', 'd3', 'd4', 'd5'])
      void sourceGates.run('direct', task(name), never)
    sourceGates.configure('local', 0)
    for (const name of ['l1', 'l2']) void sourceGates.run('local', task(name), never)
    await scheduler.advance(0)
    expect(running).toEqual(['d1', 'd2', 'd3', 'd4', 'l1'])
  })

  it('frees the slot when a task fails', async () => {
    const { scheduler, sourceGates, running, task } = gates()
    sourceGates.configure('direct', 1)
    const failing = sourceGates.run('direct', () => Promise.reject(new Error('HTTP 500')), never)
    void sourceGates.run('direct', task('next'), never)
    await expect(failing).rejects.toThrow('HTTP 500')
    await scheduler.advance(0)
    expect(running).toEqual(['next'])
  })

  it('counts a cool-down down with the clock, and keeps the later of two', async () => {
    const { scheduler, sourceGates } = gates()
    expect(sourceGates.coolingFor('subsonic')).toBe(0)
    sourceGates.coolDown('subsonic', 3000)
    sourceGates.coolDown('subsonic', 1000)
    await scheduler.advance(1200)
    expect(sourceGates.coolingFor('subsonic')).toBe(1800)
    expect(sourceGates.coolingFor('direct')).toBe(0)
    await scheduler.advance(5000)
    expect(sourceGates.coolingFor('subsonic')).toBe(0)
  })

  it('starts nothing while the source cools down, telling the waiter each second what is left', async () => {
    const { scheduler, sourceGates, running, task } = gates()
    sourceGates.coolDown('subsonic', 2500)
    const waits: { at: number; text: string }[] = []
    const onWait = (text: string) => waits.push({ at: scheduler.now(), text })
    void sourceGates.run('subsonic', task('late'), never, onWait)
    await scheduler.advance(2499)
    expect(running).toEqual([])
    await scheduler.advance(1)
    expect(running).toEqual(['late'])
    expect(waits).toEqual([
      { at: 0, text: 'subsonic cooling down 3s' },
      { at: 1000, text: 'subsonic cooling down 2s' },
      { at: 2000, text: 'subsonic cooling down 1s' },
    ])
  })

  it('stops waiting at once on abort, for a cool-down or for a slot, and hands the slot on', async () => {
    const { scheduler, sourceGates, running, finish, task } = gates()
    sourceGates.configure('direct', 1)
    void sourceGates.run('direct', task('first'), never)
    const controller = new AbortController()
    const waiting = sourceGates.run('direct', task('aborted'), controller.signal)
    void sourceGates.run('direct', task('after'), never)
    await scheduler.advance(0)
    controller.abort(new Error('canceled'))
    await expect(waiting).rejects.toThrow('canceled')
    finish.get('first')?.()
    await scheduler.advance(0)
    expect(running).toEqual(['after'])

    sourceGates.coolDown('subsonic', 60_000)
    const cooling = new AbortController()
    const cooled = sourceGates.run('subsonic', task('never'), cooling.signal)
    await scheduler.advance(10)
    cooling.abort(new Error('canceled'))
    await expect(cooled).rejects.toThrow('canceled')
    expect(scheduler.now()).toBe(10)
    await expect(sourceGates.run('direct', task('refused'), cooling.signal)).rejects.toThrow(
      'canceled',
    )
    expect(running).toEqual(['after'])
  })
})
