import type { JsonObject, LocalFile } from '../catalog'
import { displayText, type DownloadRow } from '../ops'
import { chosenTrack, reviewRecord } from './review-choice'
import { FatalSyncError, type ResolvedDownloadPayload } from './download-types'
import { errorMessage } from '../../../shared/error-message'
import { isAbort } from '../util'
import type { ExecutorContext } from './executor-context'
import type { ReadyQueue } from './ready-queue'
import { afterTransferFailure, fallbackIndex, hasExpired, sourcesFrom } from './source-policy'

export interface ResolvedStageDownloadTask {
  itemId: number
  playlistId: number | null
  row: DownloadRow
  resolvedPayload: ResolvedDownloadPayload
}

export type ResolveItemOutcome = 'queued' | 'ready' | 'found' | 'skipped' | 'failed' | 'released'
export type DownloadTaskOutcome = 'succeeded' | 'failed' | 'released'

/** Where a resolved task goes: onto the ready queue (pools) or to the same worker (single). */
type HandOff = (task: ResolvedStageDownloadTask) => Promise<ResolveItemOutcome>

const formatMb = (bytes: number) => `${(bytes / 1e6).toFixed(2)}MB`

/** `12.00MB/48.00MB via subsonic`: the source rides along so a window can show it. */
const transferText = (done: number, total: number | null, sourceId: string) =>
  `${total ? `${formatMb(done)}/${formatMb(total)}` : formatMb(done)} via ${sourceId}`

/** Resolvers, downloaders and single workers all run these, as DESIGN.md names them. */
export class StageExecutors {
  constructor(private readonly ctx: ExecutorContext) {}

  /**
   * Resolves one claimed item: already in the library → skipped; its file found in a library
   * root → adopted there, succeeded; resolved → persisted as `ready` and put on the queue;
   * nothing found → failed with the reason.
   */
  processResolveItem(
    itemId: number,
    workerName: string,
    readyQueue: ReadyQueue<ResolvedStageDownloadTask>,
  ): Promise<ResolveItemOutcome> {
    return this.resolveItem(itemId, workerName, (task) =>
      readyQueue.put(task).then(
        () => 'queued',
        // The queue ended (pause or cancel): the item stays `ready` for the next run.
        () => 'released',
      ),
    )
  }

  private async resolveItem(
    itemId: number,
    workerName: string,
    handOff: HandOff,
  ): Promise<ResolveItemOutcome> {
    const { ctx } = this
    const row = ctx.ops.downloadRow(itemId)
    if (!row) throw new Error(`Item ${itemId} has no song`)
    ctx.board.update(workerName, {
      status: 'resolving',
      item_id: itemId,
      song_id: row.songId,
      playlist_id: row.playlistId,
      display_text: displayText(row),
      progress_text: 'checking library',
    })
    try {
      if (ctx.library.songHasActiveLocalFile(row.songId)) {
        ctx.board.update(workerName, { progress_text: 'already downloaded' })
        ctx.itemChanged(ctx.ops.markItemSkipped(itemId, 'already downloaded'))
        ctx.board.itemFinished(0)
        return 'skipped'
      }
      const progress = (text: string) => ctx.board.update(workerName, { progress_text: text })
      const found = await ctx.libraryLookup?.adopt(row, progress, ctx.cancelSignal)
      if (found) {
        const message = `found in library: ${found.relativePath}`
        progress(message)
        ctx.itemChanged(ctx.ops.markItemFound(itemId, message, asJson(foundResult(found))))
        ctx.board.itemFinished(0)
        return 'found'
      }
      const result = await ctx.downloader.resolveSongRow(
        row,
        ctx.settings.libraryRoot,
        ctx.settings.downloadSources,
        progress,
        { signal: ctx.cancelSignal, chosen: chosenTrack(ctx.ops.getItem(itemId)?.result) },
      )
      if (!result.payload) {
        const details = result.review
          ? reviewRecord(result.review.sourceId, result.review.candidates)
          : null
        ctx.itemChanged(ctx.ops.markItemFailed(itemId, result.reason, details))
        ctx.board.itemFinished(0)
        return 'failed'
      }
      const payload = result.payload
      ctx.itemChanged(ctx.ops.markItemReady(itemId, asJson(payload), payload.song.expiresAt))
      return await handOff({ itemId, playlistId: row.playlistId, row, resolvedPayload: payload })
    } catch (error) {
      if (!isAbort(error)) throw error
      ctx.itemChanged(ctx.ops.requeueItem(itemId))
      return 'released'
    } finally {
      ctx.board.reset(workerName)
    }
  }

  /**
   * Downloads one resolved task. A transfer that keeps failing (or is rate limited past the
   * attempt cap) moves on to the next source; when none is left the item fails with the reasons.
   */
  async processDownloadTask(
    task: ResolvedStageDownloadTask,
    workerName: string,
  ): Promise<DownloadTaskOutcome> {
    const { ctx } = this
    const reasons: string[] = []
    let payload = await this.freshPayload(task, workerName, reasons)
    if (!payload) return this.fail(task.itemId, reasons, workerName)
    ctx.itemChanged(ctx.ops.markItemDownloading(task.itemId, workerName))
    try {
      for (;;) {
        const outcome = await this.tryTransfer(task, payload, workerName)
        if (outcome === 'succeeded') return 'succeeded'
        reasons.push(`${payload.song.sourceId}: ${outcome.error}`)
        const fallback = fallbackIndex(ctx.settings.downloadSources, payload.sourceIndex)
        const next =
          fallback === null ? null : await this.resolveNext(task.row, fallback, workerName)
        if (!next) return this.fail(task.itemId, reasons, workerName)
        reasons.push(...next.reasons)
        if (!next.payload) return this.fail(task.itemId, reasons, workerName)
        payload = next.payload
        ctx.ops.updatePayload(task.itemId, asJson(payload), payload.song.expiresAt)
      }
    } catch (error) {
      if (!isAbort(error) && !(error instanceof FatalSyncError)) throw error
      ctx.itemChanged(ctx.ops.releaseDownload(task.itemId))
      if (error instanceof FatalSyncError) throw error
      return 'released'
    } finally {
      ctx.board.reset(workerName)
    }
  }

  /**
   * The single path: one worker resolves, then downloads, the same item; it hands the task over
   * in memory rather than reading back the payload it has just saved.
   */
  async processItem(
    itemId: number,
    workerName: string,
  ): Promise<ResolveItemOutcome | DownloadTaskOutcome> {
    const handed: ResolvedStageDownloadTask[] = []
    const outcome = await this.resolveItem(itemId, workerName, async (task) => {
      handed.push(task)
      return 'ready'
    })
    const task = handed[0]
    return task ? this.processDownloadTask(task, workerName) : outcome
  }

  private async tryTransfer(
    task: ResolvedStageDownloadTask,
    payload: ResolvedDownloadPayload,
    workerName: string,
  ): Promise<'succeeded' | { error: string }> {
    const { ctx } = this
    ctx.board.update(workerName, {
      status: 'downloading',
      item_id: task.itemId,
      song_id: task.row.songId,
      playlist_id: task.playlistId,
      display_text: payload.displayText,
      progress_text: `starting download via ${payload.song.sourceId}`,
      downloaded_bytes: 0,
      total_bytes: payload.expectedBytes,
      speed_bytes_per_sec: 0,
      percent: null,
    })
    for (let attempt = 1; ; attempt++) {
      try {
        const done = await ctx.downloader.downloadResolvedSong(
          payload,
          (p) =>
            ctx.board.update(workerName, {
              progress_text: transferText(p.downloadedBytes, p.totalBytes, payload.song.sourceId),
              downloaded_bytes: p.downloadedBytes,
              total_bytes: p.totalBytes,
              speed_bytes_per_sec: p.speedBytesPerSec,
              percent: p.percent,
            }),
          {
            signal: AbortSignal.any([ctx.cancelSignal, ctx.stopTransfersSignal]),
            // A stopped transfer keeps its resumable `.part`: the next sync continues it.
            keepPartOnAbort: true,
          },
        )
        ctx.itemChanged(ctx.ops.markItemSucceeded(task.itemId, asJson(done), done.warning))
        ctx.board.itemFinished(done.sizeBytes)
        return 'succeeded'
      } catch (error) {
        if (isAbort(error) || error instanceof FatalSyncError) throw error
        const decision = afterTransferFailure(error, attempt, ctx.settings)
        if (decision.kind === 'next-source') return { error: errorMessage(error) }
        await this.coolDown(decision.waitMs, payload.song.sourceId, workerName)
      }
    }
  }

  /** Waits the policy's time before another try, showing the cool-down on the worker. */
  private async coolDown(wait: number, sourceId: string, workerName: string) {
    const { ctx } = this
    const until = ctx.now() + wait
    ctx.board.update(workerName, {
      status: 'cooling_down',
      progress_text: `${sourceId} cooling down ${Math.ceil(wait / 1000)}s`,
    })
    await ctx.sleep(Math.max(0, until - ctx.now()), ctx.cancelSignal)
    ctx.board.update(workerName, { status: 'downloading' })
  }

  /** The task's payload, resolved again first when its URL has expired. */
  private async freshPayload(
    task: ResolvedStageDownloadTask,
    workerName: string,
    reasons: string[],
  ): Promise<ResolvedDownloadPayload | null> {
    const payload = task.resolvedPayload
    if (!hasExpired(payload.song, this.ctx.now())) return payload
    const next = await this.resolveNext(task.row, payload.sourceIndex, workerName)
    reasons.push(...(next?.reasons ?? []))
    if (next?.payload)
      this.ctx.ops.updatePayload(task.itemId, asJson(next.payload), next.payload.song.expiresAt)
    return next?.payload ?? null
  }

  /** Resolves the row again through the sources from `fromSourceIndex` on; null if none is left. */
  private async resolveNext(row: DownloadRow, fromSourceIndex: number, workerName: string) {
    const { ctx } = this
    if (sourcesFrom(ctx.settings.downloadSources, fromSourceIndex).length === 0) return null
    ctx.board.update(workerName, { status: 'resolving' })
    const result = await ctx.downloader.resolveSongRow(
      row,
      ctx.settings.libraryRoot,
      ctx.settings.downloadSources,
      (text) => ctx.board.update(workerName, { progress_text: text }),
      { signal: ctx.cancelSignal, fromSourceIndex },
    )
    return result.payload
      ? { payload: result.payload, reasons: [] }
      : { payload: null, reasons: [result.reason] }
  }

  private fail(itemId: number, reasons: string[], workerName: string): 'failed' {
    const message = reasons.length ? reasons.join('; ') : 'no source could deliver it'
    this.ctx.itemChanged(this.ctx.ops.markItemFailed(itemId, message))
    this.ctx.board.itemFinished(0)
    this.ctx.board.reset(workerName)
    return 'failed'
  }
}

/** The item's result: where the file is; no bytes, since nothing was transferred. */
const foundResult = (file: LocalFile) => ({
  localFileId: file.id,
  backendId: file.backendId,
  relativePath: file.relativePath,
  sourceId: file.sourceId,
})

function asJson(value: object): JsonObject {
  return value as unknown as JsonObject
}
