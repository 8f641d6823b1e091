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

/** A Bridge whose invokes are answered by `answer` and whose events a test emits. */
export function fakeBridge(answer: Answer) {
  const listeners = new Map<EventChannel, Set<(payload: never) => void>>()
  const calls: { channel: InvokeChannel; args: unknown[] }[] = []
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

/** A promise the test resolves when it wants, to play replies out of order. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}
