/**
 * Fires `onStall` when no progress was made for `timeoutMs` while armed. Disarmed while the
 * transfer itself waits (on the speed limiter or the disk), so only the server can stall it.
 */
export class StallWatch {
  private timer: NodeJS.Timeout | null = null

  constructor(
    private readonly timeoutMs: number,
    private readonly onStall: () => void,
  ) {}

  arm(): void {
    if (this.timer) this.timer.refresh()
    else this.timer = setTimeout(this.onStall, this.timeoutMs)
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
