/** A path that does not exist or cannot be read, a corrupt archive entry: the input's fault. */
export class LogInputError extends Error {
  override readonly name = 'LogInputError';
}
