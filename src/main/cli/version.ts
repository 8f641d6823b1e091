// A JSON import: vite inlines just this field into the built CLI, and vitest reads it the same way.
import { version } from '../../../package.json'

export const CLI_VERSION: string = version
