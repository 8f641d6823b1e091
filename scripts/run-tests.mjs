// Runs vitest, then prints the closing line CI reads, `N passed, N failed`, derived from
// vitest's JSON report, and exits with vitest's own status.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const report = join('.test-results', 'vitest.json')
mkdirSync('.test-results', { recursive: true })
rmSync(report, { force: true })

const vitest = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' } },
)

if (!existsSync(report)) {
  console.error('run-tests: vitest wrote no report')
  process.exit(vitest.status || 1)
}
const result = JSON.parse(readFileSync(report, 'utf8'))
const skipped = result.numPendingTests + result.numTodoTests
// A test file that failed to load counts as a failure even though no test in it ran.
const brokenFiles = result.testResults.filter(
  (file) => file.status === 'failed' && !file.assertionResults.some((a) => a.status === 'failed'),
).length
const failed = result.numFailedTests + brokenFiles
console.log(
  `${result.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
)
process.exit(vitest.status ?? 1)
