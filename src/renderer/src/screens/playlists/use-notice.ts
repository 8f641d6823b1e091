import { useEffect, useState } from 'react'

export type Notice = { kind: 'ok' | 'error'; text: string } | null

/** Good news fades after a few seconds; errors stay until the next action replaces them. */
const OK_NOTICE_MS = 4000

export function useNotice() {
  const [notice, setNotice] = useState<Notice>(null)
  useEffect(() => {
    if (notice?.kind !== 'ok') return
    const timer = setTimeout(() => setNotice(null), OK_NOTICE_MS)
    return () => clearTimeout(timer)
  }, [notice])
  return [notice, setNotice] as const
}
