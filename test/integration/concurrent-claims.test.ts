import { afterEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempCatalog, type TempCatalog } from '../support/temp-catalog'
import { seedDownloadJob } from '../support/ops-fixtures'

const ITEMS = 3000
const PROCESSES = 3
let temp: TempCatalog | undefined
afterEach(() => temp?.cleanup())

interface Claimer {
  ready: Promise<void>
  claimed: Promise<number[]>
}

function claimer(path: string, stageId: number, name: string, signal: string): Claimer {
  const script = join(__dirname, '..', 'support', 'claim-worker.ts')
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, path, String(stageId), name, signal],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  let err = ''
  let signalReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (signalReady = resolve))
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    if (out.startsWith('ready\n')) signalReady()
  })
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const claimed = new Promise<number[]>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.slice('ready\n'.length)) as number[])
        : reject(new Error(`${name} exited with ${code}\n${err}`)),
    )
  })
  return { ready, claimed }
}

describe('claiming from several processes on one database file', () => {
  it('never hands one item to two claimers and loses none', async () => {
    temp = tempCatalog()
    const { stage } = seedDownloadJob(temp.service, ITEMS)
    const signal = join(temp.dir, 'go')
    const claimers = Array.from({ length: PROCESSES }, (_, i) =>
      claimer(temp!.path, stage.id, `resolve-${i + 1}`, signal),
    )
    await Promise.race([
      Promise.all(claimers.map((c) => c.ready)),
      Promise.all(claimers.map((c) => c.claimed)),
    ])
    writeFileSync(signal, '')
    const results = await Promise.all(claimers.map((c) => c.claimed))

    const all = results.flat()
    expect(all).toHaveLength(ITEMS)
    expect(new Set(all).size).toBe(ITEMS)
    // Every process got a share, so the claims really competed.
    for (const ids of results) expect(ids.length).toBeGreaterThan(0)
    expect(temp.service.stats.stageItems(stage.id)).toMatchObject({ pending: 0, resolving: ITEMS })
    const owners = temp.db.connection
      .prepare('SELECT worker_name AS w, count(*) AS n FROM stage_items GROUP BY worker_name')
      .all() as { w: string; n: number }[]
    const bySize = (a: number, b: number) => a - b
    expect(owners.map((o) => o.n).sort(bySize)).toEqual(results.map((r) => r.length).sort(bySize))
  }, 120_000)
})
