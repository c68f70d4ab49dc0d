// Markers that would overlap on screen are drawn as one cluster with a count. Greedy and linear:
// the heaviest marker seeds a cluster that takes every free marker of the same class within the
// radius; a grid of radius-sized cells means each marker looks at nine cells, never at all.
// Markers of different classes (precise places against provinces and countries) never share a
// cluster, so an approximate location cannot hide among precise ones.

export interface ScreenPoint<T> {
  x: number;
  y: number;
  /** Markers of different classes never cluster together. */
  group: string;
  /** Heavier markers seed clusters first. */
  weight: number;
  item: T;
}

export interface Cluster<T> {
  /** The weighted centre of its members. */
  x: number;
  y: number;
  group: string;
  members: T[];
  /** True when every member sits on the same spot: zooming in will never split it. */
  samePlace: boolean;
}

/** Members closer than this (pixels) are on the same spot. */
const SAME_SPOT_PX = 0.5;

export function clusterPoints<T>(points: Array<ScreenPoint<T>>, radius: number): Array<Cluster<T>> {
  const cell = (v: number) => Math.floor(v / radius);
  const grid = new Map<string, number[]>();
  points.forEach((p, i) => {
    const key = `${p.group}|${cell(p.x)}|${cell(p.y)}`;
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  });
  const order = points.map((_, i) => i).sort((a, b) => points[b].weight - points[a].weight || a - b);
  const taken = new Uint8Array(points.length);
  const clusters: Array<Cluster<T>> = [];
  for (const seedIndex of order) {
    if (taken[seedIndex]) continue;
    const seed = points[seedIndex];
    const members: Array<ScreenPoint<T>> = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const i of grid.get(`${seed.group}|${cell(seed.x) + dx}|${cell(seed.y) + dy}`) ?? []) {
          const p = points[i];
          if (taken[i] || Math.hypot(p.x - seed.x, p.y - seed.y) > radius) continue;
          taken[i] = 1;
          members.push(p);
        }
      }
    }
    const total = members.reduce((sum, p) => sum + Math.max(1, p.weight), 0);
    clusters.push({
      x: members.reduce((sum, p) => sum + p.x * Math.max(1, p.weight), 0) / total,
      y: members.reduce((sum, p) => sum + p.y * Math.max(1, p.weight), 0) / total,
      group: seed.group,
      members: members.map((p) => p.item),
      samePlace: members.every((p) => Math.hypot(p.x - seed.x, p.y - seed.y) < SAME_SPOT_PX),
    });
  }
  return clusters;
}
