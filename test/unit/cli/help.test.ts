import { afterEach, describe, expect, it, vi } from 'vitest'
import { version } from '../../../package.json'
import type { CliIo } from '../../../src/main/cli/cli-io'
import { COMMANDS, runCli } from '../../../src/main/cli/run-cli'

async function help(argv: string[], columns = 120) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { CATALOGSYNC_HOME: '/home/someone/.catalogsync' },
    isTty: true,
    columns,
  }
  const code = await runCli(argv, io)
  return { code, text: out.join('\n'), err }
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const wide = (text: string) => text.split('\n').filter((line) => line.length > 80)

describe('catalogsync --help', () => {
  it('lists every command once with its summary, and the global options once, in 80 columns', async () => {
    const { code, text, err } = await help(['--help'])
    expect(code).toBe(0)
    expect(err).toEqual([])
    expect(wide(text)).toEqual([])
    for (const command of COMMANDS) {
      expect(text).toMatch(new RegExp(`^ {2}${command.name} +${escaped(command.summary)}$`, 'm'))
    }
    expect(text.match(/^Options:$/gm)).toHaveLength(1)
    expect(text.match(/--db <path>/g)).toHaveLength(1)
    expect(text).toMatch(/^ {2}-V, --version +print the version$/m)
  })

  it('reads the same whatever width the terminal has', async () => {
    expect((await help(['--help'], 40)).text).toBe((await help(['--help'], 200)).text)
    expect((await help(['sync', '--help'], 40)).text).toBe((await help(['sync', '--help'])).text)
  })
})

describe.each(COMMANDS.map((command) => [command.name, command] as const))(
  'catalogsync %s --help',
  (name, command) => {
    it('shows its usage, every option with its description and default, and an example', async () => {
      const { code, text, err } = await help([name, '--help'])
      expect(code).toBe(0)
      expect(err).toEqual([])
      expect(wide(text)).toEqual([])
      expect(text).toMatch(new RegExp(`^Usage: catalogsync ${name} `))
      const flat = text.replace(/\s+/g, ' ')
      for (const option of command.options) {
        expect(flat).toContain(`${option.flags} ${option.description}`)
        if (option.defaultText) expect(flat).toContain(`(default: ${option.defaultText})`)
      }
      expect(flat).toContain('--db <path> the catalog database')
      expect(text).toMatch(/^Examples:\n {2}catalogsync /m)
      for (const example of command.examples) expect(text).toContain(`\n  ${example}`)
    })

    it('is the same as `catalogsync help <command>` and `-h`', async () => {
      const flag = await help([name, '--help'])
      expect((await help(['help', name])).text).toBe(flag.text)
      expect((await help([name, '-h'])).text).toBe(flag.text)
    })
  },
)

describe('catalogsync --version', () => {
  it.each([['--version'], ['-V']])('%s prints the version in package.json', async (flag) => {
    const { code, text, err } = await help([flag])
    expect({ code, text, err }).toEqual({ code: 0, text: version, err: [] })
  })
})

describe('commander inside runCli', () => {
  afterEach(() => vi.restoreAllMocks())

  it('never exits the process nor writes to its stdout or stderr itself', async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never)
    const stdout = vi.spyOn(process.stdout, 'write')
    const stderr = vi.spyOn(process.stderr, 'write')
    for (const argv of [['--help'], ['sync', '--help'], ['-V'], ['nope'], ['status', '--x']]) {
      await help(argv)
    }
    expect(exit).not.toHaveBeenCalled()
    expect(stdout).not.toHaveBeenCalled()
    expect(stderr).not.toHaveBeenCalled()
  })
})
