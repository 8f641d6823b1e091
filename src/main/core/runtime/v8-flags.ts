import { setFlagsFromString } from 'node:v8'

/**
 * V8 flags CatalogSync sets for its own process: the CLI (and `serve`) and the Electron main
 * process, where the transfer engine runs. The transfer bench applies the same list, so its
 * figures are what the app gets.
 *
 * `--no-incremental-marking`: every socket read hands JS a fresh 64 KiB ArrayBuffer, which V8
 * counts as external memory. Each 64 MiB of it since the last full GC starts an incremental
 * mark for "external memory pressure"; on the app's small heap (about 10 MB) these cycles
 * (marking steps, concurrent marking threads, finalisation) came to 30-40 full mark-compacts
 * per GiB downloaded and about a third of the engine's CPU. Without incremental marking the
 * same pressure gets one atomic mark-compact instead: in the transfer bench about 10 per GiB,
 * each pausing 10-20 ms on a busy 2-core VM, and 10-30% less engine CPU per GiB. Renderers
 * keep incremental marking (a pause there shows as jank), so the Electron main process calls
 * this rather than passing `js-flags`, which would reach them too.
 *
 * Only flags V8 reads while running belong here: heap sizes are fixed before any JS runs.
 */
const RUNTIME_V8_FLAGS: readonly string[] = ['--no-incremental-marking']

/** Applies RUNTIME_V8_FLAGS to this process; call first thing in an entry point. */
export function applyRuntimeV8Flags(): void {
  for (const flag of RUNTIME_V8_FLAGS) setFlagsFromString(flag)
}
