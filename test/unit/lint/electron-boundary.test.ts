import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'

const root = join(__dirname, '..', '..', '..')
const fixture = readFileSync(join(root, 'test/fixtures/lint/imports-electron.ts'), 'utf8')

async function restrictedImportErrors(filePath: string, code = fixture): Promise<string[]> {
  const eslint = new ESLint({ cwd: root })
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('the electron import boundary', () => {
  it.each([
    'src/main/core/catalog/uses-electron.ts',
    'src/main/cli/uses-electron.ts',
    'src/main/server/uses-electron.ts',
    'src/shared/uses-electron.ts',
    'src/renderer/src/uses-electron.ts',
  ])('fails lint when %s imports electron', async (path) => {
    const errors = await restrictedImportErrors(path)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/may import electron/)
  })

  it.each(['src/main/electron/window.ts', 'src/main/index.ts', 'src/preload/index.ts'])(
    'lets the Electron glue in %s import it',
    async (path) => {
      expect(await restrictedImportErrors(path)).toEqual([])
    },
  )

  it('keeps Node modules out of the renderer', async () => {
    const errors = await restrictedImportErrors(
      'src/renderer/src/reads-files.ts',
      "import { readFileSync } from 'node:fs'\nexport const f = readFileSync\n",
    )
    expect(errors[0]).toMatch(/run without Node/)
  })
})
