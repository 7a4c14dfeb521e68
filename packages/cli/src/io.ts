/** Where a command writes, and where it runs; tests pass their own. */
export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  /** Stops long-running commands (`serve`); by default SIGINT and SIGTERM do. */
  signal?: AbortSignal;
}
