import Papa from 'papaparse'
import { FormatProblem, lineAt } from './errors'

export interface CsvTable {
  /** Header cells, trimmed. */
  header: string[]
  /** Data rows as read; see rectangularRows. */
  rows: string[][]
  /** Whether the header row was written with quoted cells (exportify.app quotes every cell). */
  headerQuoted: boolean
  /** The parsed text, for locating a bad row's line. */
  text: string
}

const LINE_BREAKS = /\r\n?/g

const baseConfig = {
  delimiter: ',',
  newline: '\n',
  quoteChar: '"',
  skipEmptyLines: true,
} as const

/** Line on which data row `rowIndex` (0 = header) starts; only computed on the error path. */
function lineOfRow(text: string, rowIndex: number): number {
  let row = 0
  let start = 0
  let found = -1
  Papa.parse<string[]>(text, {
    ...baseConfig,
    step: (result, parser) => {
      if (row === rowIndex) {
        found = start
        parser.abort()
      }
      start = result.meta.cursor
      row++
    },
  })
  // Skip the blank lines Papa skipped before the row.
  const blank = /^\s*\n/.exec(text.slice(found, found + 4096))
  return lineAt(text, found + (blank?.[0].length ?? 0))
}

function unifyLineBreaks(source: string): string {
  return source.includes('\r') ? source.replace(LINE_BREAKS, '\n') : source
}

/** The header row alone, so that a file of junk is refused before it is parsed whole. */
export function readCsvHeader(source: string): string[] {
  const head = source.slice(0, 65_536)
  const result = Papa.parse<string[]>(unifyLineBreaks(head), { ...baseConfig, preview: 1 })
  return (result.data[0] ?? []).map((cell) => cell.trim())
}

/**
 * Reads a comma-separated table with RFC 4180 quoting. Line endings are unified first
 * (Papa assumes one kind per file); cells are later normalised, which deletes them anyway.
 */
export function readCsvTable(source: string): CsvTable {
  const text = unifyLineBreaks(source)
  const result = Papa.parse<string[]>(text, baseConfig)
  const error = result.errors[0]
  if (error) {
    const line = error.index === undefined ? undefined : lineAt(text, error.index)
    throw new FormatProblem(`malformed CSV: ${error.message}`, line === undefined ? {} : { line })
  }
  const [header = [], ...rows] = result.data
  return {
    header: header.map((cell) => cell.trim()),
    rows,
    headerQuoted: text.trimStart().startsWith('"'),
    text,
  }
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '')
}

/**
 * The data rows padded with empty cells to the header's width; rows of blank cells are
 * spacing, not tracks, and a row wider than the header is an error. Called once the
 * header is known to be usable, so that a missing column is reported as such rather
 * than as the rows that no longer fit.
 */
export function rectangularRows(table: CsvTable): string[][] {
  const width = table.header.length
  const rows: string[][] = []
  table.rows.forEach((row, i) => {
    if (row.length > width) {
      throw new FormatProblem(`row has ${row.length} cells but the header has ${width}`, {
        line: lineOfRow(table.text, i + 1),
      })
    }
    if ((row[0] ?? '').trim() === '' && isBlank(row)) return
    while (row.length < width) row.push('')
    rows.push(row)
  })
  return rows
}

/** The cell in column `index`, if the table has that column. */
export function cellAt(row: readonly string[], index: number | undefined): string | undefined {
  return index === undefined ? undefined : row[index]
}

/** Index of each header name, matched case-insensitively; the first of duplicates wins. */
export function columnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>()
  header.forEach((name, i) => {
    const key = name.toLowerCase()
    if (!index.has(key)) index.set(key, i)
  })
  return index
}

export type RowSnapshot = (row: readonly string[]) => Record<string, unknown>

/** Builds each row's snapshot: the cells of the columns not mapped to track fields. */
export function snapshotOf(
  header: readonly string[],
  mapped: Iterable<number | undefined>,
): RowSnapshot {
  const skip = new Set(mapped)
  const kept = header.flatMap((name, i) => (skip.has(i) ? [] : [{ name, i }]))
  return (row) => {
    const snapshot: Record<string, unknown> = {}
    for (const { name, i } of kept) {
      // Plain assignment to "__proto__" would replace the prototype instead of adding a key.
      if (name === '__proto__') {
        Object.defineProperty(snapshot, name, { value: row[i], enumerable: true, writable: true })
      } else snapshot[name] = row[i]
    }
    return snapshot
  }
}
