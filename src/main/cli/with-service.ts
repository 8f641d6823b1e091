import { AppService, type AppServiceOpenOptions } from '../core/service'
import type { ParsedCommandLine } from './command'

export type ServiceOptions = Omit<AppServiceOpenOptions, 'home'> & {
  /** Another catalog than the command line's (the demo keeps its own). */
  databasePath?: string
}

/**
 * Opens the catalog the command line names as the application service, hands it to `use`,
 * and closes it however `use` ends: every command that needs a catalog goes through here.
 */
export async function withService<T>(
  args: ParsedCommandLine,
  use: (app: AppService) => T | Promise<T>,
  options: ServiceOptions = {},
): Promise<T> {
  const { databasePath = args.databasePath, ...openOptions } = options
  const app = AppService.open(databasePath, { ...openOptions, home: args.home })
  try {
    return await use(app)
  } finally {
    app.close()
  }
}
