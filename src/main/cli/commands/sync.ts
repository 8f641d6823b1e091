import type { SettingsPatch } from '../../core/config'
import { AppService } from '../../core/service'
import { RUN_MODES, type RunMode } from '../../../shared/settings'
import { CliUsageError } from '../cli-io'
import type { Command, ParsedCommandLine } from '../command'
import { runSync } from '../sync-run'
import { withService } from '../with-service'

/** The built-in settings, shown in the help as defaults ($CATALOGSYNC_HOME left unexpanded). */
const BUILT_IN = AppService.builtInSettings('$CATALOGSYNC_HOME')

const isRunMode = (value: unknown): value is RunMode => RUN_MODES.some((mode) => mode === value)

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
    if (!isRunMode(values.mode)) {
      throw new CliUsageError(`--mode must be one of ${RUN_MODES.join(', ')}`)
    }
    patch.mode = values.mode
  }
  if (values.downloaders !== undefined)
    patch.downloaders = positiveInt(values.downloaders, '--downloaders')
  if (values.resolvers !== undefined) {
    patch.resolvers =
      values.resolvers === 'auto' ? 'auto' : positiveInt(values.resolvers, '--resolvers')
  }
  return patch
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
  run(args, io) {
    const flags = flagSettings(args.values)
    const wanted = Array.isArray(args.values.playlist) ? args.values.playlist : []
    const configFile = typeof args.values.config === 'string' ? args.values.config : undefined
    return withService(
      args,
      (app) => {
        const playlistIds = wanted.map((idOrName) => {
          const playlist = app.findPlaylist(idOrName)
          if (!playlist) throw new CliUsageError(`no playlist "${idOrName}" in the catalog`)
          return playlist.id
        })
        return runSync({ app, playlistIds, json: args.values.json === true }, io)
      },
      { configFile, settingsPatches: [flags] },
    )
  },
}
