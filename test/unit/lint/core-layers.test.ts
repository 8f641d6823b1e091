import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import { CORE_LAYERS, coreLayersConfig } from '../../../eslint/core-layers.mjs'

const root = join(__dirname, '..', '..', '..')
const LAYER_RULES = new Set(['import-x/no-restricted-paths', 'import-x/no-cycle'])

/** The layer rules' messages, per file, for files under test/fixtures/lint/core. */
async function fixtureProblems(files: string[]): Promise<Record<string, string[]>> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      coreLayersConfig(root, 'test/fixtures/lint/core'),
    ],
  })
  const results = await eslint.lintFiles(files.map((f) => join(root, 'test/fixtures/lint/core', f)))
  return Object.fromEntries(
    results.map((r) => [
      r.filePath.slice(join(root, 'test/fixtures/lint/core/').length),
      r.messages.map((m) => `${m.ruleId}: ${m.message}`),
    ]),
  )
}

describe('the core layer order', () => {
  it('names every folder of src/main/core once, each with its job', () => {
    const folders = readdirSync(join(root, 'src/main/core'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
    const names = CORE_LAYERS.map(([name]) => name)
    expect([...names].sort()).toEqual(folders)
    expect(new Set(names).size).toBe(names.length)
    expect(CORE_LAYERS.every(([, job]) => job.length > 0)).toBe(true)
  })

  it('fires on an import from a higher layer, and lets a higher one import a lower one', async () => {
    const problems = await fixtureProblems(['util/reaches-up.ts', 'sync/job.ts', 'util/clock.ts'])
    expect(problems['util/reaches-up.ts']).toEqual([
      expect.stringMatching(
        /^import-x\/no-restricted-paths: Unexpected path "\.\.\/sync\/job" imported in restricted zone\. core\/util may import only the layers below it/,
      ),
    ])
    expect(problems['sync/job.ts']).toEqual([])
    expect(problems['util/clock.ts']).toEqual([])
  })

  it('fires on a two-file import cycle, in both files', async () => {
    const problems = await fixtureProblems(['sync/cycle-a.ts', 'sync/cycle-b.ts'])
    expect(problems).toEqual({
      'sync/cycle-a.ts': ['import-x/no-cycle: Dependency cycle detected'],
      'sync/cycle-b.ts': ['import-x/no-cycle: Dependency cycle detected'],
    })
  })

  it('is on for src/main/core in the project config', async () => {
    const eslint = new ESLint({ cwd: root })
    const [result] = await eslint.lintText("import { sleep } from '../sync/scheduler'\n", {
      filePath: join(root, 'src/main/core/util/reaches-up.ts'),
    })
    expect(result?.messages.map((m) => m.ruleId)).toContain('import-x/no-restricted-paths')
  })

  it('finds no upward import and no cycle in the real tree', async () => {
    const eslint = new ESLint({ cwd: root })
    const results = await eslint.lintFiles([join(root, 'src/main/core')])
    const problems = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId))
        .map((m) => `${r.filePath.slice(root.length + 1)}:${m.line} ${m.message}`),
    )
    expect(results.length).toBeGreaterThan(100)
    expect(problems).toEqual([])
  })
})
