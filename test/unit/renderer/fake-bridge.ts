import type { Bridge } from '../../../src/renderer/src/bridge'
import type {
  EventChannel,
  EventContract,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  Result,
} from '../../../src/shared/contract'

type Handler<C extends InvokeChannel> = (
  ...args: InvokeArgs<C>
) => Result<InvokeResult<C>> | Promise<Result<InvokeResult<C>>>
type Handlers = { [C in InvokeChannel]?: Handler<C> }

/** A Bridge whose invoke channels answer from the given handlers and records every call. */
export function fakeBridge(handlers: Handlers) {
  const calls: { channel: InvokeChannel; args: unknown[] }[] = []
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>()
  const bridge: Bridge = {
    async invoke(channel, ...args) {
      calls.push({ channel, args })
      const handler = handlers[channel] as Handler<typeof channel> | undefined
      if (!handler) return { ok: false, error: `${channel}: not faked` }
      return handler(...args)
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (payload: never) => void)
      listeners.set(event, set)
      return () => set.delete(listener as (payload: never) => void)
    },
  }
  const emit = <E extends EventChannel>(event: E, payload: EventContract[E]) =>
    listeners
      .get(event)
      ?.forEach((listener) => (listener as (p: EventContract[E]) => void)(payload))
  return { bridge, calls, emit }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
