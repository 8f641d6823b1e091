import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { ESLint } from 'eslint'

const root = join(__dirname, '..', '..', '..')
const RULE = '@typescript-eslint/no-restricted-imports'

/** The CLI-boundary errors for `code` linted as a file at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root })
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) })
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message)
}

describe('the CLI as a shell over the application service', () => {
  it.each([
    ["import { startSync } from '../../core/sync/start-sync'", 'startSync'],
    [
      "import { PlaylistRepository } from '../../core/catalog/playlist-repository'",
      'PlaylistRepository',
    ],
    ["import { readConfigFile } from '../../core/config/load-settings'", 'readConfigFile'],
    ["import { OpsRepository } from '../../core/ops/ops-repository'", 'OpsRepository'],
  ])('fails lint when a command runs a core internal: %s', async (line, name) => {
    const errors = await boundaryErrors(
      'src/main/cli/commands/reaches-in.ts',
      `${line}\nexport const used = ${name}\n`,
    )
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/calls the application service/)
  })

  it.each([
    "import { AppService } from '../../core/service/app-service'",
    "import type { JobRunSummary } from '../../core/sync/sync-job'",
    "import { startDemoServer } from '../../core/demo/demo-server'",
  ])('lets a command use the service, the demo and core types: %s', async (line) => {
    const name = /import (?:type )?\{ (\w+) \}/.exec(line)![1]
    const code = `${line}\nexport type Used = typeof ${name}\n`
    expect(await boundaryErrors('src/main/cli/commands/calls-service.ts', code)).toEqual([])
  })

  it('leaves the rest of the app alone', async () => {
    const code = "import { startSync } from '../sync/start-sync'\nexport const used = startSync\n"
    expect(await boundaryErrors('src/main/core/service/runs-sync.ts', code)).toEqual([])
  })
})
