import { errorMessage } from '../../../shared/error-message'
import { parseInvokeArgs } from '../../../shared/contract-schemas'
import type { InvokeArgs, InvokeChannel, InvokeResult, Result } from '../../../shared/contract'
import type { AppService } from './app-service'

/** A channel's handler: raw (unchecked) arguments in, a Result out; it never throws. */
export type Handler<C extends InvokeChannel> = (
  ...args: unknown[]
) => Promise<Result<InvokeResult<C>>>
export type Handlers = { [C in InvokeChannel]: Handler<C> }

type Implementations = {
  [C in InvokeChannel]: (...args: InvokeArgs<C>) => InvokeResult<C> | Promise<InvokeResult<C>>
}

function implementations(app: AppService): Implementations {
  return {
    'status:get': () => app.status(),
    'jobs:start': (args) => app.startJob(args?.playlistIds),
    'jobs:pause': () => app.pauseJob(),
    'jobs:resume': () => app.resumeJob(),
    'jobs:cancel': () => app.cancelJob(),
    'playlists:list': () => app.playlists(),
    'playlists:songs': (query) => app.playlistSongs(query),
    'playlists:set-removal-policy': ({ playlistId, policy }) =>
      app.setRemovalPolicy(playlistId, policy),
    'import:preview': (upload) => app.previewImport(upload),
    'import:apply': (upload) => app.applyImport(upload),
    'items:retry': (args) => app.retryItems(args?.itemIds),
    'items:review': ({ itemId, trackId }) => app.reviewItem(itemId, trackId),
    'items:problems': (query) => app.problems(query),
    'settings:get': () => app.maskedSettings(),
    'settings:set': (patch) => app.updateSettings(patch),
    'settings:layout-example': ({ layout }) => app.layoutExample(layout),
    'sources:test': (entry) => app.testSource(entry),
    'dashboard:get': (query) => app.dashboard(query),
  }
}

/** A channel's call on arguments already checked: a Result out; it never throws. */
export type Call<C extends InvokeChannel> = (
  args: InvokeArgs<C>,
) => Promise<Result<InvokeResult<C>>>
export type Calls = { [C in InvokeChannel]: Call<C> }

function guarded<C extends InvokeChannel>(channel: C, implementation: Implementations[C]): Call<C> {
  const call = implementation as (...a: InvokeArgs<C>) => Promise<InvokeResult<C>>
  return async (args) => {
    try {
      return { ok: true, value: await call(...args) }
    } catch (error) {
      return { ok: false, error: `${channel}: ${errorMessage(error)}` }
    }
  }
}

/**
 * Each channel's call on checked arguments, for a front end that checks them itself at its
 * boundary (the HTTP server answers bad arguments with a 400).
 */
export function buildCalls(app: AppService): Calls {
  const impl = implementations(app)
  const calls: Partial<Record<InvokeChannel, unknown>> = {}
  for (const channel of Object.keys(impl) as InvokeChannel[]) {
    calls[channel] = guarded(channel, impl[channel])
  }
  return calls as Calls
}

/**
 * Plain functions per channel that check their raw arguments with the contract's schemas, once,
 * then call; Electron's IPC registers these, and a unit test can call them.
 */
export function buildHandlers(app: AppService): Handlers {
  const calls = buildCalls(app)
  const handlers: Partial<Record<InvokeChannel, unknown>> = {}
  for (const channel of Object.keys(calls) as InvokeChannel[]) {
    const call = calls[channel] as Call<typeof channel>
    handlers[channel] = (...raw: unknown[]) => {
      const args = parseInvokeArgs(channel, raw)
      return args.ok ? call(args.value) : Promise.resolve(args)
    }
  }
  return handlers as Handlers
}
