import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** A real sine tone of `seconds`, encoded by the system's ffmpeg into `path` (its extension). */
export async function writeTone(path: string, seconds: number): Promise<void> {
  await run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=d=${seconds}`, path])
}

/** Keeps only the first `bytes` of a file, like a transfer that stopped early. */
export async function truncateTo(path: string, bytes: number): Promise<void> {
  await writeFile(path, (await readFile(path)).subarray(0, bytes))
}
