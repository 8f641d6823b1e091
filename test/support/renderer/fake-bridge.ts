import type { Bridge } from '../../../src/renderer/src/bridge'
import type {
  EventChannel,
  EventContract,
  InvokeArgs,
  InvokeChannel,
  InvokeResult,
  Result,
} from '../../../src/shared/contract'

type Answer = (channel: InvokeChannel, args: unknown[]) => Promise<Result<unknown>>
type Handler<C extends InvokeChannel> = (
  ...args: InvokeArgs<C>
) => Result<InvokeResult<C>> | Promise<Result<InvokeResult<C>>>
type Handlers = { [C in InvokeChannel]?: Handler<C> }

/**
 * A Bridge whose invokes are answered by one function or per channel by `handlers` (unfaked
 * channels fail), recording every call; a test emits its events.
 */
export function fakeBridge(answers: Answer | Handlers) {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>()
  const calls: { channel: InvokeChannel; args: unknown[] }[] = []
  const answer: Answer =
    typeof answers === 'function'
      ? answers
      : async (channel, args) => {
          const handler = answers[channel] as ((...a: unknown[]) => unknown) | undefined
          if (!handler) return { ok: false, error: `${channel}: not faked` }
          return (await handler(...args)) as Result<unknown>
        }
  const bridge: Bridge = {
    invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>) {
      calls.push({ channel, args })
      return answer(channel, args) as Promise<Result<InvokeResult<C>>>
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
  const listening = (event: EventChannel) => listeners.get(event)?.size ?? 0
  return { bridge, calls, emit, listening }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

/** A promise the test resolves when it wants, to play replies out of order. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
