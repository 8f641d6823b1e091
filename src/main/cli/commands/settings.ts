import { CliUsageError } from '../cli-io'
import type { Command } from '../command'
import { withService } from '../with-service'

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'show the sync settings, or store a config file in the catalog',
  description:
    'Show the settings a sync uses (source passwords masked), or, with "import FILE", store ' +
    'a config file in the catalog first.',
  usage: '[import FILE] [options]',
  arguments: [
    { name: '[action]', description: '"import" to store FILE in the catalog' },
    { name: '[file]', description: 'the config file (JSON) to store' },
  ],
  options: [{ flags: '--json', description: 'print the settings as one line of JSON' }],
  examples: ['catalogsync settings', 'catalogsync settings import ~/catalogsync.json'],
  run(args, io) {
    const [action, file] = args.positionals
    if (action !== undefined && (action !== 'import' || file === undefined)) {
      throw new CliUsageError('settings takes nothing, or "import FILE"')
    }
    return withService(args, (app) => {
      if (file !== undefined) app.importSettingsFile(file)
      // Masked as in the window: source passwords never leave the catalog.
      const settings = app.maskedSettings()
      io.out(args.values.json ? JSON.stringify(settings) : JSON.stringify(settings, null, 2))
      return 0
    })
  },
}
