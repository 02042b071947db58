// A command the user gives (register, place options, confirm, cancel): running, done or failed,
// and "try again" with exactly the same input — safe, because the API finishes a half-done
// command and never does one twice.
import { useCallback, useRef, useState } from 'react';

export type CommandState<O> =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly result: O }
  | { readonly status: 'failed'; readonly error: unknown };

export interface Command<I, O> {
  readonly state: CommandState<O>;
  readonly isRunning: boolean;
  /** Resolves with the result, or undefined when it failed (the state holds the error). */
  run(input: I): Promise<O | undefined>;
  /** Runs the last input again. */
  retry(): Promise<O | undefined>;
  reset(): void;
}

export function useCommand<I, O>(execute: (input: I) => Promise<O>): Command<I, O> {
  const [state, setState] = useState<CommandState<O>>({ status: 'idle' });
  const lastInput = useRef<{ input: I } | undefined>(undefined);
  const running = useRef(false);

  const run = useCallback(
    async (input: I) => {
      // A double click must not send the command twice at the same time.
      if (running.current) return undefined;
      running.current = true;
      lastInput.current = { input };
      setState({ status: 'running' });
      try {
        const result = await execute(input);
        setState({ status: 'done', result });
        return result;
      } catch (error) {
        setState({ status: 'failed', error });
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [execute],
  );

  const retry = useCallback(
    () => (lastInput.current ? run(lastInput.current.input) : Promise.resolve(undefined)),
    [run],
  );
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return { state, isRunning: state.status === 'running', run, retry, reset };
}
