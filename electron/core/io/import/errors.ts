/** A file that cannot be read as a table at all (as opposed to a row with a bad value). */
export class ImportFileError extends Error {
  readonly row: number | null;

  constructor(message: string, row: number | null = null) {
    super(message);
    this.name = 'ImportFileError';
    this.row = row;
  }
}
