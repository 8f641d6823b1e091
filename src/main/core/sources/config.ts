import { isAbsolute } from 'node:path'
import { z } from 'zod'
import { SOURCE_TYPES, type SourceType } from './types'

export const PLACEHOLDERS = ['query', 'title', 'artist', 'album', 'location'] as const
// `{word}` only: other braces (JSON, yt-dlp templates) pass through untouched.
const PLACEHOLDER = /\{([a-z]+)\}/g
const HAS_PLACEHOLDER = /\{[a-z]+\}/

/** A `sources` entry that cannot be used; the message names every problem and its source. */
export class SourceConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid sources configuration:\n  ${problems.join('\n  ')}`)
    this.name = 'SourceConfigError'
  }
}

const common = {
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'use 1-64 letters, digits, ".", "_" or "-"'),
  maxConcurrency: z.int().min(1).max(32).optional(),
}

const unknownPlaceholders = (argument: string): string[] =>
  [...argument.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? '')
    .filter((name) => !(PLACEHOLDERS as readonly string[]).includes(name))

const commandLine = z
  .array(z.string())
  .min(1, 'give at least the program to run')
  .refine((argv) => argv[0] !== '' && !HAS_PLACEHOLDER.test(argv[0] ?? ''), {
    message: 'the program (first item) must be a fixed, non-empty name',
  })
  .superRefine((argv, context) => {
    for (const name of argv.flatMap(unknownPlaceholders)) {
      context.addIssue({
        code: 'custom',
        message: `unknown placeholder {${name}}; use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
      })
    }
  })

const schemas = {
  direct: z.strictObject({ ...common, type: z.literal('direct') }),
  local: z.strictObject({
    ...common,
    type: z.literal('local'),
    roots: z.array(z.string().refine(isAbsolute, 'must be an absolute path')).min(1),
    link: z.boolean().default(false),
  }),
  subsonic: z.strictObject({
    ...common,
    type: z.literal('subsonic'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    user: z.string().min(1),
    password: z.string(),
  }),
  command: z.strictObject({
    ...common,
    type: z.literal('command'),
    command: commandLine,
    timeoutMs: z.int().min(100).max(3_600_000).default(120_000),
  }),
} satisfies Record<SourceType, z.ZodType>

export type DirectSourceConfig = z.infer<typeof schemas.direct>
export type LocalSourceConfig = z.infer<typeof schemas.local>
export type SubsonicSourceConfig = z.infer<typeof schemas.subsonic>
export type CommandSourceConfig = z.infer<typeof schemas.command>
export type SourceConfig =
  DirectSourceConfig | LocalSourceConfig | SubsonicSourceConfig | CommandSourceConfig

function isSourceType(value: unknown): value is SourceType {
  return (SOURCE_TYPES as readonly unknown[]).includes(value)
}

function labelOf(entry: unknown, index: number): string {
  const id = typeof entry === 'object' && entry !== null && 'id' in entry ? entry.id : undefined
  return typeof id === 'string' && id !== '' ? `source "${id}"` : `sources[${index}]`
}

function parseEntry(entry: unknown, label: string): SourceConfig | string[] {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return [`${label}: must be an object`]
  }
  const type = 'type' in entry ? entry.type : undefined
  if (!isSourceType(type)) {
    const expected = `expected one of ${SOURCE_TYPES.join(', ')}`
    return [
      `${label}: ${type === undefined ? 'missing "type"' : `unknown type ${JSON.stringify(type)}`} (${expected})`,
    ]
  }
  const result = schemas[type].safeParse(entry)
  if (result.success) return result.data
  return result.error.issues.map((issue) =>
    issue.path.length > 0
      ? `${label}: ${issue.path.join('.')}: ${issue.message}`
      : `${label}: ${issue.message}`,
  )
}

/** Validates the `sources` array of the settings; throws SourceConfigError naming each bad entry. */
export function parseSourcesConfig(input: unknown): SourceConfig[] {
  if (!Array.isArray(input)) throw new SourceConfigError(['"sources" must be an array'])
  const problems: string[] = []
  const configs: SourceConfig[] = []
  const seen = new Set<string>()
  input.forEach((entry: unknown, index) => {
    const parsed = parseEntry(entry, labelOf(entry, index))
    if (Array.isArray(parsed)) return void problems.push(...parsed)
    if (seen.has(parsed.id)) problems.push(`source "${parsed.id}": the id is used twice`)
    seen.add(parsed.id)
    configs.push(parsed)
  })
  if (problems.length > 0) throw new SourceConfigError(problems)
  return configs
}
