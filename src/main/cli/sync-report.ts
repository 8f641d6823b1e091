import type { AppService } from '../core/service'
import type { RemovalReport, PlaylistFileResult } from '../core/library'
import type { JobRunSummary } from '../core/sync'
import { formatBytes, formatDuration } from '../../shared/format'
import type { CliIo } from './cli-io'

export const EXIT_SOME_FAILED = 3
export const EXIT_INTERRUPTED = 130

function playlistFileLine(file: PlaylistFileResult): string {
  if (file.error) return `  playlist ${file.path} not written: ${file.error}`
  const left = file.missing.length ? `, ${file.missing.length} not in the library yet` : ''
  return `  playlist ${file.path}: ${file.written} songs${left}`
}

/** Every file a removal policy moved or deleted, and every one it could not. */
function removalLines(removals: RemovalReport | undefined): string[] {
  if (!removals) return []
  return [
    ...removals.actions.map((a) =>
      a.toPath ? `  archived ${a.fromPath} → ${a.toPath}` : `  deleted ${a.fromPath}`,
    ),
    ...removals.failures.map((f) => `  removal of song #${f.songId} not done: ${f.error}`),
  ]
}

/** Prints how the job ended (one JSON object with --json) and returns the exit status. */
export function reportSync(
  app: AppService,
  summary: JobRunSummary,
  json: boolean,
  io: CliIo,
): number {
  const transfers = app.jobTransfers(summary.jobId)
  const failures = app.jobFailures(summary.jobId)
  if (json) {
    io.out(
      JSON.stringify({ ...summary, bytes: transfers.bytes, sources: transfers.bySource, failures }),
    )
  } else {
    const c = summary.counts
    const found = transfers.fromLibrary
    io.err(
      `Job #${summary.jobId} ${summary.state}${summary.reason ? ` (${summary.reason})` : ''} in ` +
        `${formatDuration(summary.elapsedMs / 1000)}: ${c.succeeded - found} downloaded (${formatBytes(transfers.bytes)}), ` +
        `${found} found in the library folders, ${c.skipped} already in the library, ` +
        `${c.failed} failed, ${c.pending + c.ready} left`,
    )
    for (const failure of failures) io.err(`  failed: ${failure.song}: ${failure.reason}`)
    for (const line of removalLines(summary.removals)) io.err(line)
    for (const file of summary.playlistFiles ?? []) io.err(playlistFileLine(file))
  }
  if (summary.state === 'canceled') return EXIT_INTERRUPTED
  if (summary.state === 'paused')
    return summary.reason === 'paused by the user' ? EXIT_INTERRUPTED : 1
  return summary.counts.failed > 0 ? EXIT_SOME_FAILED : 0
}
