import type { VerifyProblem, VerifyReport } from '../../core/library'
import type { CliIo } from '../cli-io'
import type { Command } from '../command'
import { withService } from '../with-service'
import { formatBytes } from '../../../shared/format'

function problemLine(problem: VerifyProblem): string {
  if (problem.kind === 'missing') return `  missing: ${problem.path}`
  const size =
    problem.kind === 'size'
      ? ` (${formatBytes(problem.actualBytes ?? 0)}, expected ${formatBytes(problem.expectedBytes)})`
      : ''
  return `  changed: ${problem.path}${size}`
}

export function formatVerifyReport(report: VerifyReport): string {
  if (!report.problems.length) return `Checked ${report.checked} files: all present and intact.`
  return [
    `Checked ${report.checked} files: ${report.problems.length} missing or changed.`,
    ...report.problems.map(problemLine),
    report.fixed
      ? `Marked ${report.fixed} as gone: the next sync downloads them again.`
      : 'Run `catalogsync verify --fix` to download them again with the next sync.',
  ].join('\n')
}

/** A redrawn `checked/total` counter, on a terminal only (it would clutter a log). */
function progressLine(io: CliIo): ((checked: number, total: number) => void) | undefined {
  const write = io.write
  if (!io.isTty || !write) return undefined
  return (checked, total) =>
    write(`\rChecking ${checked}/${total}…${checked === total ? '\n' : ''}`)
}

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check that every library file is still there and whole',
  description:
    'Check that every file the catalog records is still in the library with its size and ' +
    'content. Exits 1 when some are missing or changed and were not fixed.',
  arguments: [],
  options: [
    { flags: '--fix', description: 'mark bad files as gone, so the next sync downloads them' },
    { flags: '--json', description: 'print the report as JSON' },
  ],
  examples: ['catalogsync verify', 'catalogsync verify --fix && catalogsync sync'],
  run(args, io) {
    const json = args.values.json === true
    const onProgress = json ? undefined : progressLine(io)
    return withService(args, async (app) => {
      const report = await app.verifyLibrary({
        fix: args.values.fix === true,
        ...(onProgress ? { onProgress } : {}),
      })
      io.out(json ? JSON.stringify(report) : formatVerifyReport(report))
      return report.problems.length > report.fixed ? 1 : 0
    })
  },
}
