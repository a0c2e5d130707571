/** A problem with the user's input: printed as is, exit code 2, no stack trace. */
export class CliError extends Error {
  readonly exitCode = 2;
}
