import { applyRuntimeV8Flags } from '../core/runtime'
import { processIo } from './cli-io'
import { runCli } from './run-cli'

applyRuntimeV8Flags()

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`catalogsync: ${String(error)}\n`)
    process.exitCode = 1
  },
)
