import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '..', '..', '..')

/** The runner's tests and the helpers they run on; the manual scheduler itself is exempt. */
const runnerTestFiles = [
  ...readdirSync(join(root, 'test/unit/sync'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `test/unit/sync/${file}`),
  'test/support/runner-harness.ts',
  'test/support/fake-downloader.ts',
]

/** Ways to wait on, or read, the wall clock. */
const REAL_TIME = [
  /(?<![.\w])setTimeout\(/,
  /(?<![.\w])setInterval\(/,
  /\bDate\.now\(/,
  /\bperformance\.now\(/,
  /\bvi\.waitFor\b/,
  /\brealScheduler\b/,
  /core\/util\/sleep'/,
  /'node:timers/,
]

const offences = (text: string): string[] =>
  text
    .split('\n')
    .flatMap((line, index) =>
      REAL_TIME.filter((pattern) => pattern.test(line)).map(() => `${index + 1}: ${line.trim()}`),
    )

describe('the runner tests', () => {
  it('take all their time from the manual scheduler, never from the wall clock', () => {
    const found = runnerTestFiles.flatMap((file) =>
      offences(readFileSync(join(root, file), 'utf8')).map((offence) => `${file}:${offence}`),
    )
    expect(runnerTestFiles.length).toBeGreaterThan(5)
    expect(found).toEqual([])
  })

  it('would be caught waiting on real time', () => {
    expect(offences('await new Promise((r) => setTimeout(r, 10))')).toHaveLength(1)
    expect(offences('const started = Date.now()')).toHaveLength(1)
    expect(offences("import { sleep } from '../../src/main/core/util/sleep'")).toHaveLength(1)
    expect(offences('await vi.waitFor(() => expect(done).toBe(true))')).toHaveLength(1)
    expect(offences('scheduler.setTimeout(fn, 10)')).toEqual([])
  })
})
