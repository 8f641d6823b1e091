// Claims items of one stage until none is left, then prints the ids it got as JSON.
// Run in its own process by concurrent-claims.test.ts, several at once on one file.
import { existsSync } from 'node:fs'
import { CatalogDatabase } from '../../src/main/core/db/catalog-database'
import { OpsRepository } from '../../src/main/core/ops/ops-repository'

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

function main(): void {
  const [path, stageId, workerName, startSignal] = process.argv.slice(2)
  if (!path || !stageId || !workerName || !startSignal)
    throw new Error('usage: PATH STAGE NAME SIGNAL')
  const db = new CatalogDatabase(path, { busyTimeoutMs: 30_000 })
  const ops = new OpsRepository(db)
  // Say ready, then start together with the others so the claims really interleave.
  process.stdout.write('ready\n')
  while (!existsSync(startSignal)) sleep(2)
  const claimed: number[] = []
  for (;;) {
    const item = ops.leases.claimNext(Number(stageId), workerName)
    if (!item) break
    claimed.push(item.id)
    // A real worker spends time on each item; without it one process can starve the others.
    sleep(1)
  }
  db.close()
  process.stdout.write(JSON.stringify(claimed))
}

main()
