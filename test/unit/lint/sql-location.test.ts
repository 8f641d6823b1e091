import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

const root = join(__dirname, '..', '..', '..')

/** The folders whose job is the database: SQL text and prepared statements live only here. */
const REPOSITORY_FOLDERS = ['src/main/core/db/', 'src/main/core/catalog/', 'src/main/core/ops/']

/** Statement shapes, upper case as our SQL is written (prose like "select from" is not SQL). */
const SQL_PATTERNS = [
  /\.prepare\s*[(<]/g,
  /\bSELECT\b[^;`]{0,400}?\bFROM\b/g,
  /\bINSERT\s+(?:OR\s+\w+\s+)?INTO\b/g,
  /\bUPDATE\s+\w+\s+SET\b/g,
  /\bDELETE\s+FROM\b/g,
  /\bCREATE\s+(?:TEMP\s+|TEMPORARY\s+)?TABLE\b/g,
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name) ? [path] : []
  })
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length

/** Every `file:line: text` outside the repository folders that prepares or spells SQL. */
function sqlOutsideRepositories(files: readonly { path: string; text: string }[]): string[] {
  const found = files
    .filter(({ path }) => !REPOSITORY_FOLDERS.some((folder) => path.startsWith(folder)))
    .flatMap(({ path, text }) =>
      SQL_PATTERNS.flatMap((pattern) =>
        [...text.matchAll(pattern)].map((match) => {
          const line = lineOf(text, match.index)
          return `${path}:${line}: ${text.split('\n')[line - 1]?.trim() ?? ''}`
        }),
      ),
    )
  return [...new Set(found)].sort()
}

const srcFiles = () =>
  sourceFiles(join(root, 'src')).map((path) => ({
    path: relative(root, path).split(sep).join('/'),
    text: readFileSync(path, 'utf8'),
  }))

describe('SQL location', () => {
  it('keeps SQL text and .prepare( in the repository folders (db/, catalog/, ops/)', () => {
    expect(sqlOutsideRepositories(srcFiles())).toEqual([])
  })

  it('hands the database to the repositories only, through the catalog store', () => {
    const opening = srcFiles()
      .filter(({ path }) => !REPOSITORY_FOLDERS.some((folder) => path.startsWith(folder)))
      .filter(({ text }) => /from '[./]*\/db\/catalog-database'/.test(text))
      .map(({ path }) => path)
    expect(opening).toEqual(['src/main/core/service/catalog-store.ts'])
  })

  it('names the file and line of a query written elsewhere', () => {
    const text = [
      "import type { CatalogDatabase } from '../db/catalog-database'",
      'export const count = (db: CatalogDatabase) =>',
      "  db.prepare('SELECT count(*) AS n FROM songs').get()",
      'const drop = `DELETE FROM songs WHERE id = ?`',
      '// Prose that happens to say select the songs from a playlist is not SQL.',
      `const pick = "SELECT 'a' AS kind, name FROM songs"`,
      "const mark = 'UPDATE songs SET name = ?'",
      'const table = `CREATE TABLE extra (id INTEGER)`',
    ].join('\n')
    expect(
      sqlOutsideRepositories([
        { path: 'src/main/core/service/bad.ts', text },
        { path: 'src/main/core/catalog/fine.ts', text },
      ]),
    ).toEqual([
      "src/main/core/service/bad.ts:3: db.prepare('SELECT count(*) AS n FROM songs').get()",
      'src/main/core/service/bad.ts:4: const drop = `DELETE FROM songs WHERE id = ?`',
      `src/main/core/service/bad.ts:6: const pick = "SELECT 'a' AS kind, name FROM songs"`,
      "src/main/core/service/bad.ts:7: const mark = 'UPDATE songs SET name = ?'",
      'src/main/core/service/bad.ts:8: const table = `CREATE TABLE extra (id INTEGER)`',
    ])
  })
})
