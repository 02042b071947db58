// Named steps of a story test (issue 17, item 10): a story is one `it` whose steps run in order,
// so a failing step stops the story instead of cascading into the next `it`s, and the failure
// names the step it happened in.
export async function step<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error) {
      const prefix = `step “${name}”: `;
      if (error.stack?.includes(error.message)) {
        error.stack = error.stack.replace(error.message, prefix + error.message);
      }
      error.message = prefix + error.message;
      throw error;
    }
    throw new Error(`step “${name}”: ${String(error)}`, { cause: error });
  }
}
