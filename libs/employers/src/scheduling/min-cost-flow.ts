/**
 * Minimum-cost flow by the primal-dual method: Dijkstra on reduced costs finds the cost of
 * the cheapest path, then a blocking flow (Dinic) sends as much as possible along every
 * path of that cost at once. Node potentials from one Bellman-Ford pass allow negative arc
 * costs, as long as the network has no negative cycle. It augments only while the
 * cheapest path has negative cost, so it finds the flow of minimum cost over every flow
 * amount: with costs being negated gains, the flow of maximum gain. Integer costs keep it
 * exact.
 *
 * Each phase is one Dijkstra run plus a blocking flow; the scheduler's networks have many
 * interchangeable participants, so one phase carries many units of flow.
 */
export class MinCostFlow {
  private readonly head: Int32Array;
  private readonly to: number[] = [];
  private readonly next: number[] = [];
  private readonly capacity: number[] = [];
  private readonly cost: number[] = [];

  constructor(readonly nodeCount: number) {
    this.head = new Int32Array(nodeCount).fill(-1);
  }

  /** Adds an arc and its residual twin; returns the arc's id (its twin is id ^ 1). */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  /** Units of flow on an arc. */
  flow(arc: number): number {
    return this.capacity[arc ^ 1];
  }

  /** Sends flow from source to sink while that lowers the cost; returns the total cost. */
  minimiseCost(source: number, sink: number): number {
    const potential = this.initialPotentials(source);
    let totalCost = 0;
    for (;;) {
      const distance = this.reducedDistances(source, potential);
      if (distance[sink] === Infinity) break;
      for (let v = 0; v < this.nodeCount; v++)
        if (distance[v] !== Infinity) potential[v] += distance[v];
      // Every path of arcs with reduced cost 0 now costs this much.
      const pathCost = potential[sink] - potential[source];
      if (pathCost >= 0) break;
      totalCost += pathCost * this.blockingFlows(source, sink, potential);
    }
    return totalCost;
  }

  /** Dijkstra over arcs with capacity, on costs reduced by the potentials (all ≥ 0). */
  private reducedDistances(source: number, potential: Float64Array): Float64Array {
    const distance = new Float64Array(this.nodeCount).fill(Infinity);
    distance[source] = 0;
    const heap = new NodeHeap(distance);
    heap.update(source);
    while (heap.size > 0) {
      const u = heap.pop();
      for (let arc = this.head[u]; arc !== -1; arc = this.next[arc]) {
        if (this.capacity[arc] === 0) continue;
        const v = this.to[arc];
        const candidate = distance[u] + this.cost[arc] + potential[u] - potential[v];
        if (candidate < distance[v]) {
          distance[v] = candidate;
          heap.update(v);
        }
      }
    }
    return distance;
  }

  /**
   * Dinic on the arcs of reduced cost 0: level graphs by breadth-first search, augmenting
   * depth-first until no source–sink path of reduced cost 0 is left. Returns the amount.
   */
  private blockingFlows(source: number, sink: number, potential: Float64Array): number {
    const admissible = (arc: number, u: number): boolean =>
      this.capacity[arc] > 0 && this.cost[arc] + potential[u] - potential[this.to[arc]] === 0;
    const level = new Int32Array(this.nodeCount);
    const cursor = new Int32Array(this.nodeCount);
    const augment = (u: number, limit: number): number => {
      if (u === sink) return limit;
      for (; cursor[u] !== -1; cursor[u] = this.next[cursor[u]]) {
        const arc = cursor[u];
        const v = this.to[arc];
        if (level[v] !== level[u] + 1 || !admissible(arc, u)) continue;
        const sent = augment(v, Math.min(limit, this.capacity[arc]));
        if (sent > 0) {
          this.capacity[arc] -= sent;
          this.capacity[arc ^ 1] += sent;
          return sent;
        }
      }
      return 0;
    };
    let total = 0;
    for (;;) {
      level.fill(-1);
      level[source] = 0;
      const queue = [source];
      for (let i = 0; i < queue.length; i++) {
        const u = queue[i];
        for (let arc = this.head[u]; arc !== -1; arc = this.next[arc]) {
          const v = this.to[arc];
          if (level[v] === -1 && admissible(arc, u)) {
            level[v] = level[u] + 1;
            queue.push(v);
          }
        }
      }
      if (level[sink] === -1) return total;
      cursor.set(this.head);
      for (let sent = augment(source, Infinity); sent > 0; sent = augment(source, Infinity))
        total += sent;
    }
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.capacity.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]);
    this.head[from] = this.to.length - 1;
  }

  /** Shortest distances from the source over arcs with capacity (Bellman-Ford, queue-based). */
  private initialPotentials(source: number): Float64Array {
    const distance = new Float64Array(this.nodeCount).fill(Infinity);
    const queued = new Uint8Array(this.nodeCount);
    distance[source] = 0;
    const queue = [source];
    queued[source] = 1;
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i];
      queued[u] = 0;
      for (let arc = this.head[u]; arc !== -1; arc = this.next[arc]) {
        if (this.capacity[arc] === 0) continue;
        const v = this.to[arc];
        if (distance[u] + this.cost[arc] < distance[v]) {
          distance[v] = distance[u] + this.cost[arc];
          if (!queued[v]) {
            queued[v] = 1;
            queue.push(v);
          }
        }
      }
    }
    // Nodes the source cannot reach never become reachable (augmenting paths only add
    // residual arcs between reachable nodes), so their potential does not matter.
    return distance.map((d) => (d === Infinity ? 0 : d));
  }
}

/**
 * Binary heap of nodes ordered by their distance (ties: smaller node first, so the result
 * is deterministic), with decrease-key, so it never holds more than one entry per node.
 */
class NodeHeap {
  private readonly nodes: number[] = [];
  private readonly position: Int32Array;

  constructor(private readonly distance: Float64Array) {
    this.position = new Int32Array(distance.length).fill(-1);
  }

  get size(): number {
    return this.nodes.length;
  }

  /** Inserts the node or moves it up after its distance fell. */
  update(node: number): void {
    let i = this.position[node];
    if (i === -1) {
      i = this.nodes.length;
      this.nodes.push(node);
      this.position[node] = i;
    }
    this.siftUp(i);
  }

  /** Removes and returns the node of smallest distance. */
  pop(): number {
    const top = this.nodes[0];
    const last = this.nodes.pop()!;
    this.position[top] = -1;
    if (this.nodes.length > 0) {
      this.nodes[0] = last;
      this.position[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  private siftDown(i: number): void {
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < this.nodes.length && this.less(left, smallest)) smallest = left;
      if (right < this.nodes.length && this.less(right, smallest)) smallest = right;
      if (smallest === i) return;
      this.swap(i, smallest);
      i = smallest;
    }
  }

  private less(i: number, j: number): boolean {
    const a = this.nodes[i];
    const b = this.nodes[j];
    return this.distance[a] < this.distance[b] || (this.distance[a] === this.distance[b] && a < b);
  }

  private swap(i: number, j: number): void {
    const a = this.nodes[i];
    this.nodes[i] = this.nodes[j];
    this.nodes[j] = a;
    this.position[this.nodes[i]] = i;
    this.position[a] = j;
  }
}
