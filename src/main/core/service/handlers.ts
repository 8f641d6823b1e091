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

function guarded<C extends InvokeChannel>(
  channel: C,
  implementation: Implementations[C],
): Handler<C> {
  return async (...raw) => {
    const args = parseInvokeArgs(channel, raw)
    if (!args.ok) return args
    try {
      const call = implementation as (...a: InvokeArgs<C>) => Promise<InvokeResult<C>>
      return { ok: true, value: await call(...args.value) }
    } catch (error) {
      return { ok: false, error: `${channel}: ${errorMessage(error)}` }
    }
  }
}

/** Plain functions per channel that validate their arguments, so a unit test can call them. */
export function buildHandlers(app: AppService): Handlers {
  const impl = implementations(app)
  const handlers: Partial<Record<InvokeChannel, unknown>> = {}
  for (const channel of Object.keys(impl) as InvokeChannel[]) {
    handlers[channel] = guarded(channel, impl[channel])
  }
  return handlers as Handlers
}
