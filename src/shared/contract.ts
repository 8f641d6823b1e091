import type { CatalogStatus } from './status'

/**
 * The one contract between the window and the service: invoke channels map their
 * arguments to a result. The preload allowlist and the main-process handlers derive from it.
 */
export interface InvokeContract {
  'status:get': { args: []; result: CatalogStatus }
}

export type InvokeChannel = keyof InvokeContract

export const INVOKE_CHANNELS = ['status:get'] as const satisfies readonly InvokeChannel[]

export type Result<T> = { ok: true; value: T } | { ok: false; error: string }

export interface RendererApi {
  invoke<C extends InvokeChannel>(
    channel: C,
    ...args: InvokeContract[C]['args']
  ): Promise<Result<InvokeContract[C]['result']>>
}
