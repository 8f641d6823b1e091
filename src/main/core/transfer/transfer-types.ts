/** A live view of one transfer, for progress bars and the dashboard's speed figures. */
export interface TransferProgress {
  /** Bytes in the file so far, a resumed prefix included. */
  downloadedBytes: number
  totalBytes: number | null
  /** Smoothed over the last second or two; new bytes only, never the resumed prefix. */
  speedBytesPerSec: number
  percent: number | null
}

export type ProgressListener = (progress: TransferProgress) => void

/** What a finished transfer left at its final name. */
export interface TransferResult {
  path: string
  sizeBytes: number
  /** Of the whole file, computed while streaming; see `createContentHasher`. */
  contentHash: string
  /** How many bytes an earlier attempt had left in the `.part` file and were kept. */
  resumedFromBytes: number
  contentType: string | null
  etag: string | null
  lastModified: string | null
}

/** Read the finished file as audio before the rename; see audio-check.ts. */
export interface AudioCheck {
  /** The song's length; null checks only that the file parses as audio with a duration. */
  expectedDurationMs: number | null
}

export interface DownloadRequest {
  url: string
  headers?: Record<string, string>
  /** Final absolute path; the transfer streams into `<targetPath>.part` beside it. */
  targetPath: string
  /** Size the source announced, used as the total when the server sends no length. */
  expectedBytes?: number | null
  signal?: AbortSignal
  onProgress?: ProgressListener
  /** Continue an existing `.part` with a Range request. Default true. */
  resume?: boolean
  /** On abort, keep the `.part` so that a later attempt resumes it. Default true. */
  keepPartOnAbort?: boolean
  /** Refuse a file that is no playable audio or far from the song's duration. Default: off. */
  audioCheck?: AudioCheck
}

export interface CopyRequest {
  filePath: string
  targetPath: string
  /** Hard-link instead of copying when the source is on the same device. */
  link: boolean
  signal?: AbortSignal
  onProgress?: ProgressListener
  /** As in DownloadRequest. */
  audioCheck?: AudioCheck
}
