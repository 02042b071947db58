// The part of autocannon's API the API benchmark uses (the package ships no types).
declare module 'autocannon' {
  export interface Options {
    readonly url: string;
    readonly method?: string;
    readonly connections?: number;
    /** Seconds. */
    readonly duration?: number;
    /** Requests in all, instead of a duration. */
    readonly amount?: number;
    /** Seconds before a request counts as timed out (default 10). */
    readonly timeout?: number;
    readonly headers?: Record<string, string>;
    /** Worker threads that generate the load (off the main thread, which serves the API). */
    readonly workers?: number;
  }

  export interface Histogram {
    /** Requests only: how many were sent. */
    readonly sent?: number;
    readonly average: number;
    readonly p50: number;
    readonly p99: number;
    readonly max: number;
  }

  export interface Result {
    readonly requests: Histogram;
    /** Milliseconds. */
    readonly latency: Histogram;
    /** Bytes per second. */
    readonly throughput: Histogram;
    readonly errors: number;
    readonly timeouts: number;
    readonly non2xx: number;
    readonly totalCompletedRequests: number;
    /** Answers per status code. */
    readonly statusCodeStats?: Record<string, { readonly count: number }>;
  }

  export default function autocannon(options: Options): Promise<Result>;
}
