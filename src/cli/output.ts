/** Where the CLI writes: the terminal in real use, buffers in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}
