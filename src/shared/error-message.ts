/** The message of anything thrown, for one-line reports in every process. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
