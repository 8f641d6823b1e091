export class DatabaseTooNewError extends Error {
  constructor(
    readonly path: string,
    readonly foundVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `The catalog ${path} was written by a newer CatalogSync (schema version ${foundVersion}; ` +
        `this version understands up to ${supportedVersion}). Update CatalogSync to open it.`,
    )
    this.name = 'DatabaseTooNewError'
  }
}
