import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'
import { CORE_LAYERS, coreLayersConfig } from '../../../eslint/core-layers.mjs'

const root = join(__dirname, '..', '..', '..')
const LAYER_RULES = new Set(['import-x/no-restricted-paths', 'import-x/no-cycle'])

/** The layer rules' messages, per file, for files under test/fixtures/lint (front/ is a front end). */
async function fixtureProblems(files: string[]): Promise<Record<string, string[]>> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      coreLayersConfig(root, 'test/fixtures/lint/core', ['test/fixtures/lint/front']),
    ],
  })
  const results = await eslint.lintFiles(files.map((f) => join(root, 'test/fixtures/lint', f)))
  return Object.fromEntries(
    results.map((r) => [
      r.filePath.slice(join(root, 'test/fixtures/lint/').length),
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
    const problems = await fixtureProblems([
      'core/util/reaches-up.ts',
      'core/sync/job.ts',
      'core/util/clock.ts',
    ])
    expect(problems['core/util/reaches-up.ts']).toEqual([
      expect.stringMatching(
        /^import-x\/no-restricted-paths: Unexpected path "\.\.\/sync" imported in restricted zone\. core\/util may import only the layers below it/,
      ),
    ])
    expect(problems['core/sync/job.ts']).toEqual([])
    expect(problems['core/util/clock.ts']).toEqual([])
  })

  it('fires on an import past a folder index.ts, from another folder or a front end', async () => {
    const problems = await fixtureProblems([
      'core/sync/reaches-in.ts',
      'front/reaches-in.ts',
      'front/uses-face.ts',
    ])
    const pastFace = (path: string, folder: string) =>
      expect.stringMatching(
        new RegExp(
          `^import-x/no-restricted-paths: Unexpected path "${path}" imported in restricted zone\\. Import core/${folder} through its index\\.ts`,
        ),
      )
    expect(problems).toEqual({
      'core/sync/reaches-in.ts': [pastFace('../util/clock', 'util')],
      'front/reaches-in.ts': [pastFace('../core/sync/job', 'sync')],
      'front/uses-face.ts': [],
    })
  })

  it('fires on a two-file import cycle, in both files', async () => {
    const problems = await fixtureProblems(['core/sync/cycle-a.ts', 'core/sync/cycle-b.ts'])
    expect(problems).toEqual({
      'core/sync/cycle-a.ts': ['import-x/no-cycle: Dependency cycle detected'],
      'core/sync/cycle-b.ts': ['import-x/no-cycle: Dependency cycle detected'],
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
