/** `text` parsed as JSON, or why it is not JSON, for the readers of Strata's own files to word their refusals. */
export function parsedJsonOrReason(text: string): { value: unknown } | { reason: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { reason: `not JSON: ${(error as Error).message}` };
  }
}
