/**
 * Why a transfer failed, as one clear line. Messages carry redacted URLs only; `retryable`
 * tells the runner whether another attempt (resuming the `.part`) can succeed.
 */
export class TransferError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'TransferError'
  }
}

/** The server answered with something that is not audio (an HTML page, a JSON error…). */
export class NotAudioError extends TransferError {
  constructor(message: string) {
    super(message, false)
    this.name = 'NotAudioError'
  }
}

/** The body ended before the announced length; the `.part` is kept for a resume. */
export class IncompleteBodyError extends TransferError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, true, options)
    this.name = 'IncompleteBodyError'
  }
}

/** No byte arrived for the stall timeout. */
export class StallError extends TransferError {
  constructor(message: string) {
    super(message, true)
    this.name = 'StallError'
  }
}

export class RedirectError extends TransferError {
  constructor(message: string) {
    super(message, false)
    this.name = 'RedirectError'
  }
}

/** The caller aborted; named `AbortError` like the platform's own, so callers can test `name`. */
export class TransferAbortedError extends TransferError {
  constructor(message: string) {
    super(message, true)
    this.name = 'AbortError'
  }
}

/**
 * The file arrived whole but is no playable audio, or far from the song's duration (a preview,
 * a loop, another mix): another try of the same source would bring the same file.
 */
export class RejectedFileError extends TransferError {
  constructor(message: string) {
    super(message, false)
    this.name = 'RejectedFileError'
  }
}
