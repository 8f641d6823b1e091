import { CatalogSyncService } from '../../core/service/catalogsync-service'
import { effectiveSettings, readConfigFile, storeSettings } from '../../core/config/load-settings'
import { catalogsyncHome } from '../../core/config/paths'
import { CliUsageError } from '../cli-io'
import type { Command } from '../command'

/** Settings as shown to a person: source passwords never leave the catalog. */
function redacted(settings: ReturnType<typeof effectiveSettings>) {
  return {
    ...settings,
    sources: settings.sources.map((source) =>
      'password' in source ? { ...source, password: '***' } : source,
    ),
  }
}

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
    const service = CatalogSyncService.open(args.databasePath)
    try {
      if (file !== undefined) storeSettings(service.settings, readConfigFile(file))
      const settings = redacted(effectiveSettings(catalogsyncHome(io.env), service.settings))
      io.out(args.values.json ? JSON.stringify(settings) : JSON.stringify(settings, null, 2))
      return 0
    } finally {
      service.close()
    }
  },
}
