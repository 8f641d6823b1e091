export interface ProblemLocation {
  line?: number
  field?: string
}

/** Thrown by the format parsers, which do not know the file name; see PlaylistFormatError. */
export class FormatProblem extends Error {
  readonly line?: number
  readonly field?: string

  constructor(message: string, where: ProblemLocation = {}) {
    super(message)
    this.name = 'FormatProblem'
    if (where.line !== undefined) this.line = where.line
    if (where.field !== undefined) this.field = where.field
  }
}

// Cc is exactly U+0000-U+001F and U+007F-U+009F; U+2028/U+2029 also end a line somewhere.
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/gu

/** Escapes control characters so that a hostile file name or quoted input stays on one line. */
export function oneLine(text: string, maxLength = 300): string {
  const escaped = text.replace(
    LINE_BREAKING,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return escaped.length > maxLength ? `${escaped.slice(0, maxLength)}…` : escaped
}

/** A file that is not a usable playlist export; the message is one line naming the file. */
export class PlaylistFormatError extends Error {
  readonly file: string
  readonly line?: number
  readonly field?: string
  /** The message without the file name, for front ends that show the file separately. */
  readonly problem: string

  constructor(file: string, problem: string, where: ProblemLocation = {}) {
    const line = where.line === undefined ? '' : `line ${where.line}: `
    const field = where.field === undefined ? '' : `field ${oneLine(where.field, 120)}: `
    const detail = `${line}${field}${oneLine(problem, 500)}`
    super(`${oneLine(file, 500)}: ${detail}`)
    this.name = 'PlaylistFormatError'
    this.file = file
    this.problem = detail
    if (where.line !== undefined) this.line = where.line
    if (where.field !== undefined) this.field = where.field
  }
}

/** Line number (1-based) of a string offset; CRLF, LF and CR each end one line. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    if (code === 10) line++
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) line++
  }
  return line
}
