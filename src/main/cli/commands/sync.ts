import { AppService } from '../../core/service/app-service'
import { readConfigFile } from '../../core/config/load-settings'
import { defaultSyncSettings, type SettingsPatch } from '../../core/config/sync-settings'
import type { RemovalReport } from '../../core/library/apply-removals'
import { LIBRARY_SOURCE_ID } from '../../core/library/library-check'
import type { PlaylistFileResult } from '../../core/library/playlist-files'
import { catalogsyncHome } from '../../core/config/paths'
import { RUN_MODES, type RunMode } from '../../../shared/settings'
import type { JobRunSummary } from '../../core/sync/sync-job'
import { CliUsageError, type CliIo } from '../cli-io'
import type { Command, ParsedCommandLine } from '../command'
import { formatBytes, formatDuration } from '../../../shared/format'
import { SyncView } from '../sync-view'

/** The built-in settings, shown in the help as defaults ($CATALOGSYNC_HOME left unexpanded). */
const BUILT_IN = defaultSyncSettings('$CATALOGSYNC_HOME')

export const EXIT_SOME_FAILED = 3
export const EXIT_INTERRUPTED = 130

function positiveInt(value: unknown, flag: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new CliUsageError(`${flag} needs a whole number ≥ 1`)
  return n
}

/** The command-line flags as a settings patch (they win over the config file). */
export function flagSettings(values: ParsedCommandLine['values']): SettingsPatch {
  const patch: SettingsPatch = {}
  if (typeof values.library === 'string') patch.libraryRoots = [values.library]
  if (values.mode !== undefined) {
    if (!RUN_MODES.includes(values.mode as RunMode)) {
      throw new CliUsageError(`--mode must be one of ${RUN_MODES.join(', ')}`)
    }
    patch.mode = values.mode as RunMode
  }
  if (values.downloaders !== undefined)
    patch.downloaders = positiveInt(values.downloaders, '--downloaders')
  if (values.resolvers !== undefined) {
    patch.resolvers =
      values.resolvers === 'auto' ? 'auto' : positiveInt(values.resolvers, '--resolvers')
  }
  return patch
}

export interface SyncRun {
  /** Opened with the run's settings patches (config file, flags). */
  app: AppService
  playlistIds: number[]
  json: boolean
}

/** Runs a sync to its end with the live view and Ctrl-C handling; returns the exit status. */
export async function runSync(run: SyncRun, io: CliIo): Promise<number> {
  const { app } = run
  const settings = app.settings()
  const handle = app.runSync(run.playlistIds)
  if (!run.json) {
    io.err(
      `${handle.resumed ? 'Resuming' : 'Starting'} sync job #${handle.jobId}: ${handle.total} songs → ${settings.libraryRoots[0]}`,
    )
  }
  let interrupts = 0
  const offInterrupt = io.onInterrupt?.(() => {
    interrupts++
    if (interrupts === 1) {
      io.err('\nPausing… (press Ctrl-C again to cancel)')
      handle.pause()
    } else handle.cancel()
  })
  const view = run.json
    ? null
    : new SyncView(io, app.bus, () => app.jobItems(handle.jobId), handle.total)
  let summary: JobRunSummary
  try {
    summary = await handle.done
  } finally {
    view?.stop()
    offInterrupt?.()
  }
  return report(app, summary, run.json, io)
}

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

function report(app: AppService, summary: JobRunSummary, json: boolean, io: CliIo): number {
  const transfers = app.jobTransfers(summary.jobId)
  const failures = app.jobFailures(summary.jobId)
  if (json) {
    io.out(
      JSON.stringify({ ...summary, bytes: transfers.bytes, sources: transfers.bySource, failures }),
    )
  } else {
    const c = summary.counts
    const found = transfers.bySource[LIBRARY_SOURCE_ID] ?? 0
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

export const syncCommand: Command = {
  name: 'sync',
  summary: 'download the songs of the catalog, or of some playlists',
  description:
    'Resolve and download the songs of the catalog, or of the given playlists, into the ' +
    'library; an unfinished job is resumed. Ctrl-C pauses (twice: cancels). Each option wins ' +
    'over --config FILE, which wins over the settings stored in the catalog. Exit status: 0 ' +
    'when nothing failed, 3 when some songs failed, 130 when interrupted, 1 on errors.',
  arguments: [],
  options: [
    {
      flags: '--playlist <id|name>',
      description: 'sync only this playlist; repeat it for more',
      defaultText: 'every playlist',
      repeatable: true,
    },
    {
      flags: '--library <dir>',
      description: 'the library folder',
      defaultText: BUILT_IN.libraryRoots[0],
    },
    { flags: '--config <file>', description: 'a config file (JSON) whose settings win' },
    {
      flags: '--mode <mode>',
      description: `how workers are scheduled: ${RUN_MODES.join(', ')}`,
      defaultText: BUILT_IN.mode,
    },
    {
      flags: '--downloaders <n>',
      description: 'how many downloads run at once',
      defaultText: String(BUILT_IN.downloaders),
    },
    {
      flags: '--resolvers <n|auto>',
      description: 'how many songs are looked up at once',
      defaultText: String(BUILT_IN.resolvers),
    },
    { flags: '--json', description: 'print the job summary as JSON, and no progress' },
  ],
  examples: [
    'catalogsync sync',
    'catalogsync sync --playlist "Road Trip" --playlist 7 --library ~/Music',
    'catalogsync sync --config sync.json --downloaders 8 --json',
  ],
  async run(args, io) {
    const flags = flagSettings(args.values)
    const config =
      typeof args.values.config === 'string' ? [readConfigFile(args.values.config)] : []
    const app = AppService.open(args.databasePath, {
      home: catalogsyncHome(io.env),
      settingsPatches: [...config, flags],
    })
    try {
      const playlistIds = ((args.values.playlist as string[] | undefined) ?? []).map((wanted) => {
        const playlist = app.findPlaylist(wanted)
        if (!playlist) throw new CliUsageError(`no playlist "${wanted}" in the catalog`)
        return playlist.id
      })
      return await runSync({ app, playlistIds, json: args.values.json === true }, io)
    } finally {
      app.close()
    }
  },
}
