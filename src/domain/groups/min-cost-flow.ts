// A small min-cost flow (successive shortest paths with a queue-based Bellman–Ford, so arcs may
// cost less than zero as long as there is no negative cycle). The mixer's networks have at most a
// few hundred arcs; no library is worth it for that.

interface Arc {
  readonly to: number;
  readonly rev: number;
  capacity: number;
  readonly cost: number;
}

export class FlowNetwork {
  private readonly arcs: Arc[][];

  constructor(nodes: number) {
    this.arcs = Array.from({ length: nodes }, () => []);
  }

  /** Adds an arc and returns a handle for `flowOn`. */
  addArc(
    from: number,
    to: number,
    capacity: number,
    cost: number,
  ): { from: number; index: number } {
    const out = this.arcs[from]!;
    const back = this.arcs[to]!;
    out.push({ to, rev: back.length, capacity, cost });
    back.push({ to: from, rev: out.length - 1, capacity: 0, cost: -cost });
    return { from, index: out.length - 1 };
  }

  /** The flow sent over an arc: what its reverse arc has gained. */
  flowOn(handle: { from: number; index: number }): number {
    const arc = this.arcs[handle.from]![handle.index]!;
    return this.arcs[arc.to]![arc.rev]!.capacity;
  }

  /** Sends as much as possible from source to sink at least cost; returns the flow and its cost. */
  solve(source: number, sink: number): { flow: number; cost: number } {
    let flow = 0;
    let cost = 0;
    for (;;) {
      const path = this.shortestPath(source, sink);
      if (path === null) return { flow, cost };
      let push = Number.POSITIVE_INFINITY;
      for (const [node, index] of path) push = Math.min(push, this.arcs[node]![index]!.capacity);
      for (const [node, index] of path) {
        const arc = this.arcs[node]![index]!;
        arc.capacity -= push;
        this.arcs[arc.to]![arc.rev]!.capacity += push;
        cost += push * arc.cost;
      }
      flow += push;
    }
  }

  private shortestPath(source: number, sink: number): (readonly [number, number])[] | null {
    const count = this.arcs.length;
    const distance = new Array<number>(count).fill(Number.POSITIVE_INFINITY);
    const via = new Array<readonly [number, number] | null>(count).fill(null);
    const queued = new Array<boolean>(count).fill(false);
    distance[source] = 0;
    const queue = [source];
    queued[source] = true;
    while (queue.length > 0) {
      const node = queue.shift()!;
      queued[node] = false;
      this.arcs[node]!.forEach((arc, index) => {
        if (arc.capacity <= 0) return;
        const next = distance[node]! + arc.cost;
        if (next < distance[arc.to]!) {
          distance[arc.to] = next;
          via[arc.to] = [node, index];
          if (!queued[arc.to]) {
            queued[arc.to] = true;
            queue.push(arc.to);
          }
        }
      });
    }
    if (distance[sink] === Number.POSITIVE_INFINITY) return null;
    const path: (readonly [number, number])[] = [];
    for (let node = sink; node !== source;) {
      const step = via[node]!;
      path.push(step);
      node = step[0];
    }
    return path.reverse();
  }
}
