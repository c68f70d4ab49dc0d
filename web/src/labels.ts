// Map labels that never overlap: the most important marker is labelled first, each label tries
// the right of its marker, then the left, above and below, and is dropped when every position
// collides with a label already placed or with a marker.

export interface LabelRequest {
  text: string;
  /** Marker centre and radius, pixels. */
  x: number;
  y: number;
  r: number;
  /** Larger is labelled first. */
  priority: number;
}

export interface PlacedLabel {
  text: string;
  /** Text anchor point and alignment for SVG <text>. */
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Approximate width of a character at the label font size (11 px system sans). */
export const CHAR_WIDTH_PX = 6.2;
export const LABEL_HEIGHT_PX = 13;
const GAP_PX = 3;

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Labels for the requests that fit inside width x height without overlapping anything. */
export function placeLabels(requests: LabelRequest[], width: number, height: number): PlacedLabel[] {
  const taken: Box[] = requests.map((m) => ({ left: m.x - m.r, top: m.y - m.r, right: m.x + m.r, bottom: m.y + m.r }));
  const placed: PlacedLabel[] = [];
  for (const m of [...requests].sort((a, b) => b.priority - a.priority)) {
    const w = m.text.length * CHAR_WIDTH_PX;
    const h = LABEL_HEIGHT_PX;
    const candidates: Array<[Box, PlacedLabel]> = [
      [{ left: m.x + m.r + GAP_PX, top: m.y - h / 2, right: m.x + m.r + GAP_PX + w, bottom: m.y + h / 2 }, { text: m.text, x: m.x + m.r + GAP_PX, y: m.y + 4, anchor: "start" }],
      [{ left: m.x - m.r - GAP_PX - w, top: m.y - h / 2, right: m.x - m.r - GAP_PX, bottom: m.y + h / 2 }, { text: m.text, x: m.x - m.r - GAP_PX, y: m.y + 4, anchor: "end" }],
      [{ left: m.x - w / 2, top: m.y - m.r - GAP_PX - h, right: m.x + w / 2, bottom: m.y - m.r - GAP_PX }, { text: m.text, x: m.x, y: m.y - m.r - GAP_PX - 3, anchor: "middle" }],
      [{ left: m.x - w / 2, top: m.y + m.r + GAP_PX, right: m.x + w / 2, bottom: m.y + m.r + GAP_PX + h }, { text: m.text, x: m.x, y: m.y + m.r + GAP_PX + h - 3, anchor: "middle" }],
    ];
    // Each candidate stands clear of its own marker by construction.
    const fit = candidates.find(([box]) => box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height && !taken.some((t) => overlaps(t, box)));
    if (!fit) continue;
    taken.push(fit[0]);
    placed.push(fit[1]);
  }
  return placed;
}
