// A command the user gives (register, place options, confirm, cancel): running, done or failed,
// and "try again" with exactly the same input — safe, because the API finishes a half-done
// command and never does one twice. Built on TanStack Query's mutations: after it succeeds, the
// queries it changed (query-keys.ts) are marked stale, so every page shows the new state.
import { useMutation, useQueryClient, type InvalidateQueryFilters } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';

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

export interface CommandOptions<I, O> {
  /** What the command changed: these queries load again (the active ones at once). */
  readonly invalidates?: (input: I, result: O) => readonly InvalidateQueryFilters[];
}

export function useCommand<I, O>(
  execute: (input: I) => Promise<O>,
  options: CommandOptions<I, O> = {},
): Command<I, O> {
  const client = useQueryClient();
  const { invalidates } = options;
  const mutation = useMutation<O, unknown, I>({
    // Only the input: TanStack passes its own context as a second argument.
    mutationFn: (input) => execute(input),
    onSuccess: (result, input) => {
      // Not awaited: the command is done when the API says so, the pages follow.
      for (const filters of invalidates?.(input, result) ?? []) {
        void client.invalidateQueries(filters);
      }
    },
  });
  const lastInput = useRef<{ input: I } | undefined>(undefined);
  const running = useRef(false);
  const { mutateAsync, reset } = mutation;

  const run = useCallback(
    async (input: I) => {
      // A double click must not send the command twice at the same time.
      if (running.current) return undefined;
      running.current = true;
      lastInput.current = { input };
      try {
        return await mutateAsync(input);
      } catch {
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [mutateAsync],
  );

  const retry = useCallback(
    () => (lastInput.current ? run(lastInput.current.input) : Promise.resolve(undefined)),
    [run],
  );
  return { state: stateOf(mutation), isRunning: mutation.isPending, run, retry, reset };
}

function stateOf<O>(mutation: {
  readonly status: 'idle' | 'pending' | 'success' | 'error';
  readonly data: O | undefined;
  readonly error: unknown;
}): CommandState<O> {
  switch (mutation.status) {
    case 'pending':
      return { status: 'running' };
    case 'success':
      return { status: 'done', result: mutation.data as O };
    case 'error':
      return { status: 'failed', error: mutation.error };
    default:
      return { status: 'idle' };
  }
}
