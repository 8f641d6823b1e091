// Downloads N random files from a local nginx with the transfer engine at concurrency C, then
// the same files with aria2c and curl, and prints MiB/s and CPU seconds per GiB for each.
// CPU: the engine's from process.cpuUsage() deltas (this whole process); aria2c's and curl's
// from bash's `time` builtin (user + sys of the child), so nginx's own CPU is never counted.
// After one unmeasured warm-up round, each tool runs --runs times (default 5, order rotated);
// the table shows each tool's median run by wall time. The engine also hashes (XXH3) and
// fsyncs every file; aria2c and curl do neither. Last, it prints each target with its ratio and
// whether it is met; the load average is printed too, since other work on the machine skews both.
// The process first applies the V8 flags the app sets for its own (src/main/core/runtime).
// --tools picks which tools run (default all three); the targets need all three.
// Run: npx tsx bench/transfer.ts [--files N] [--size-mib M] [--concurrency C] [--runs R]
//      [--tools engine,aria2c,curl]
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { applyRuntimeV8Flags } from '../src/main/core/runtime/v8-flags'
import { SpeedLimiter } from '../src/main/core/transfer/speed-limiter'
import { TransferEngine } from '../src/main/core/transfer/transfer-engine'
import { fakeAudio } from '../test/support/peers/fake-audio'
import { startNginx } from '../test/support/peers/nginx'

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '16' },
    'size-mib': { type: 'string', default: '32' },
    concurrency: { type: 'string', default: '4' },
    runs: { type: 'string', default: '5' },
    tools: { type: 'string', default: 'engine,aria2c,curl' },
  },
})
const FILES = Number(values.files)
const SIZE = Number(values['size-mib']) * 2 ** 20
const CONCURRENCY = Number(values.concurrency)
const RUNS = Number(values.runs)
const TOOLS = new Set(values.tools.split(','))

interface Run {
  seconds: number
  cpuSeconds: number
}

const names = Array.from({ length: FILES }, (_, i) => `track-${String(i + 1).padStart(3, '0')}.mp3`)

async function runEngine(base: string, out: string): Promise<Run> {
  // As a sync sets it up: one shared limiter, here with no cap, and a progress listener.
  const engine = new TransferEngine({ speedLimiter: new SpeedLimiter(null) })
  const queue = [...names]
  const cpu = process.cpuUsage()
  const started = performance.now()
  const worker = async (): Promise<void> => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      await engine.download({
        url: `${base}/${name}`,
        targetPath: join(out, name),
        onProgress: () => undefined,
      })
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  const seconds = (performance.now() - started) / 1000
  const used = process.cpuUsage(cpu)
  await engine.close()
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 }
}

/** Runs a command under bash's `time`, which reports the child's wall, user and sys seconds. */
function timed(command: string[]): Promise<Run> {
  const quoted = command.map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`).join(' ')
  const script = `TIMEFORMAT='%R %U %S'; time ${quoted} >/dev/null`
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      const match = /([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(stderr)
      if (code !== 0 || !match) reject(new Error(`${command[0]} failed (${code}): ${stderr}`))
      else resolve({ seconds: Number(match[1]), cpuSeconds: Number(match[2]) + Number(match[3]) })
    })
  })
}

async function runAria2(base: string, out: string): Promise<Run> {
  const list = join(out, '..', 'urls.txt')
  await writeFile(list, names.map((name) => `${base}/${name}`).join('\n') + '\n')
  return timed([
    'aria2c', '--no-conf', '-x1', '-s1', `-j${CONCURRENCY}`, '--file-allocation=none',
    '--allow-overwrite=true', '--auto-file-renaming=false', '--continue=false',
    '--summary-interval=0', '--console-log-level=warn', '--disable-ipv6=true',
    '-d', out, '-i', list,
  ]) // prettier-ignore
}

function runCurl(base: string, out: string): Promise<Run> {
  const pairs = names.flatMap((name) => ['-o', join(out, name), `${base}/${name}`])
  return timed(['curl', '-sS', '--fail', '--parallel', '--parallel-immediate', '--parallel-max', String(CONCURRENCY), ...pairs]) // prettier-ignore
}

type Tool = [name: string, run: (out: string) => Promise<Run>]

async function once(work: string, run: (out: string) => Promise<Run>): Promise<Run> {
  const out = join(work, 'out')
  await rm(out, { recursive: true, force: true })
  await mkdir(out)
  const result = await run(out)
  for (const name of names) {
    if ((await stat(join(out, name))).size !== SIZE) throw new Error(`${name}: wrong size`)
  }
  await rm(out, { recursive: true, force: true })
  return result
}

/**
 * One unmeasured warm-up round (a VM pays heavily for the first touch of fresh page-cache
 * pages, whichever tool comes first), then RUNS rounds with the tools' order rotated; the
 * median run of each tool by wall time is kept.
 */
async function measure(work: string, tools: Tool[]): Promise<Map<string, Run>> {
  for (const [, run] of tools) await once(work, run)
  const runs = new Map<string, Run[]>(tools.map(([name]) => [name, []]))
  for (let round = 0; round < RUNS; round += 1) {
    const order = [...tools.slice(round % tools.length), ...tools.slice(0, round % tools.length)]
    for (const [name, run] of order) runs.get(name)?.push(await once(work, run))
  }
  return new Map(
    [...runs].map(([name, list]) => {
      list.sort((a, b) => a.seconds - b.seconds)
      return [name, list[Math.floor(list.length / 2)] as Run]
    }),
  )
}

interface Rates {
  mibPerSec: number
  cpuPerGiB: number
}

interface Target {
  text: string
  ratio: number
  met: boolean
}

/** The issue's targets: throughput at least aria2c's and 0.6x curl's, CPU at most aria2c's. */
function targets(engine: Rates, aria2: Rates, curl: Rates): Target[] {
  const atLeast = (text: string, ratio: number, floor: number): Target => ({
    text,
    ratio,
    met: ratio >= floor,
  })
  const cpu = engine.cpuPerGiB / aria2.cpuPerGiB
  return [
    atLeast('engine MiB/s >= 1.0x aria2c', engine.mibPerSec / aria2.mibPerSec, 1),
    atLeast('engine MiB/s >= 0.6x curl', engine.mibPerSec / curl.mibPerSec, 0.6),
    { text: 'engine CPU-s/GiB <= 1.0x aria2c', ratio: cpu, met: cpu <= 1 },
  ]
}

function printResults(results: Map<string, Run>, totalMiB: number): void {
  const rates = new Map<string, Rates>()
  console.log('tool      MiB/s  CPU-s/GiB  wall-s')
  for (const [tool, run] of results) {
    const rate = {
      mibPerSec: totalMiB / run.seconds,
      cpuPerGiB: run.cpuSeconds / (totalMiB / 1024),
    }
    rates.set(tool, rate)
    console.log(
      `${tool.padEnd(8)} ${rate.mibPerSec.toFixed(0).padStart(6)} ${rate.cpuPerGiB.toFixed(2).padStart(10)} ${run.seconds.toFixed(2).padStart(7)}`,
    )
  }
  const [engine, aria2, curl] = ['engine', 'aria2c', 'curl'].map((tool) => rates.get(tool))
  if (!engine || !aria2 || !curl) return
  console.log('target                            ratio  met')
  for (const { text, ratio, met } of targets(engine, aria2, curl)) {
    console.log(`${text.padEnd(32)} ${ratio.toFixed(2).padStart(5)}x  ${met ? 'yes' : 'NO'}`)
  }
}

const load = (): string =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

async function main(): Promise<void> {
  // The V8 flags the app sets for its own process, so the engine's figures are the app's.
  applyRuntimeV8Flags()
  const work = await mkdtemp(join(tmpdir(), 'catalogsync-bench-transfer-'))
  const root = join(work, 'root')
  await mkdir(root)
  for (const name of names) await writeFile(join(root, name), fakeAudio(SIZE))
  const nginx = await startNginx({ root })
  try {
    console.log(
      `${FILES} files x ${SIZE / 2 ** 20} MiB from nginx on loopback, concurrency ${CONCURRENCY}, median of ${RUNS} after a warm-up`,
    )
    console.log(`load average before: ${load()}`)
    const tools: Tool[] = [
      ['engine', (out) => runEngine(nginx.url, out)],
      ['aria2c', (out) => runAria2(nginx.url, out)],
      ['curl', (out) => runCurl(nginx.url, out)],
    ]
    const results = await measure(
      work,
      tools.filter(([name]) => TOOLS.has(name)),
    )
    console.log(`load average after:  ${load()}`)
    printResults(results, (FILES * SIZE) / 2 ** 20)
  } finally {
    await nginx.stop()
    await rm(work, { recursive: true, force: true })
  }
}

void main()
