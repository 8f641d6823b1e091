import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { dynamicSymbols } from '../../support/elf-symbols'

const root = join(__dirname, '..', '..', '..')

/** The better-sqlite3 addon this process actually loaded, as the process itself reports it. */
function loadedSqliteAddon(): string {
  new Database(':memory:').close()
  const report = process.report.getReport() as { sharedObjects: string[] }
  const addon = report.sharedObjects.find(
    (path) => path.includes('better-sqlite3') && path.endsWith('.node'),
  )
  if (!addon) throw new Error('no better-sqlite3 addon among the loaded shared objects')
  return addon
}

describe.skipIf(process.platform !== 'linux')('the better-sqlite3 binary', () => {
  it('is an N-API addon with no tie to one V8 ABI, so Node 24 and Electron load the same file', () => {
    const symbols = dynamicSymbols(loadedSqliteAddon())
    const exported = symbols.filter((s) => s.defined).map((s) => s.name)
    const needed = symbols.filter((s) => !s.defined).map((s) => s.name)
    // N-API's entry point and its declared API version; a V8-ABI addon exports
    // node_register_module_v<ABI> instead and links against V8's C++ symbols.
    expect(exported).toContain('napi_register_module_v1')
    expect(exported).toContain('node_api_module_get_api_version_v1')
    expect(exported.filter((name) => /^node_register_module_v\d+$/.test(name))).toEqual([])
    expect(
      needed.filter((name) => name.startsWith('_ZN2v8') || name.startsWith('_ZNK2v8')),
    ).toEqual([])
    expect(needed).toContain('napi_create_function')
  })

  it('came prebuilt: npm compiled nothing into node_modules', () => {
    const compiled: string[] = []
    const visit = (dir: string, depth: number): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (!entry.isDirectory()) continue
        const path = join(dir, entry.name)
        if (entry.name === 'build' && existsSync(join(path, 'Release'))) compiled.push(path)
        else if (depth < 4) visit(path, depth + 1)
      }
    }
    visit(join(root, 'node_modules'), 0)
    expect(compiled).toEqual([])
  })

  it('is the version the project pins', () => {
    const pinned = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    const installed = JSON.parse(
      readFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), 'utf8'),
    ) as { version: string }
    expect(pinned.dependencies['better-sqlite3']).toMatch(/^13\./)
    expect(installed.version).toBe(pinned.dependencies['better-sqlite3'])
  })
})
