import { AppService } from '../../core/service/app-service'
import { catalogsyncHome } from '../../core/config/paths'
import { CliUsageError } from '../cli-io'
import type { Command } from '../command'

export const settingsCommand: Command = {
  name: 'settings',
  usage: 'settings [import FILE] [--json]',
  summary: 'show the sync settings, or store a config file in the catalog',
  options: { json: { type: 'boolean' } },
  positionals: [0, 2],
  run(args, io) {
    const [action, file] = args.positionals
    if (action !== undefined && (action !== 'import' || file === undefined)) {
      throw new CliUsageError(`usage: catalogsync ${settingsCommand.usage}`)
    }
    const app = AppService.open(args.databasePath, { home: catalogsyncHome(io.env) })
    try {
      if (file !== undefined) app.importSettingsFile(file)
      // Masked as in the window: source passwords never leave the catalog.
      const settings = app.maskedSettings()
      io.out(args.values.json ? JSON.stringify(settings) : JSON.stringify(settings, null, 2))
      return 0
    } finally {
      app.close()
    }
  },
}
