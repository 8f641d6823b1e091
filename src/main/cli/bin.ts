import { MIN_NODE_MAJOR, nodeMajor, pinnedNode, runUnder, tooOldMessage } from './node-runtime'

// The entry point checks the Node version before anything else loads: better-sqlite3 13 and
// undici 8 need Node 24 and crash outright on older ones, so `./index` is imported only after.
if (nodeMajor(process.version) >= MIN_NODE_MAJOR) {
  void import('./index')
} else {
  const node = pinnedNode(__dirname)
  if (node) {
    runUnder(node, __filename, process.argv.slice(2)).then(
      (code) => (process.exitCode = code),
      () => {
        process.stderr.write(`${tooOldMessage(process.version)}\n`)
        process.exitCode = 1
      },
    )
  } else {
    process.stderr.write(`${tooOldMessage(process.version)}\n`)
    process.exitCode = 1
  }
}
