// Colours and sizes shared by every chart. Student and reference differ in
// colour and in dash pattern, so the charts also read in greyscale print.

export const THEME = {
  width: 400,
  height: 260,
  font: 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif',
  fontSize: 14,
  ink: '#1f2937',
  muted: '#6b7280',
  grid: '#e5e7eb',
  axis: '#9ca3af',
  student: { stroke: '#2563eb', width: 3, dash: null as string | null, label: 'yours' },
  reference: { stroke: '#b45309', width: 2, dash: '7 5' as string | null, label: 'reference' },
  /** markers: dots of the student's colour and the reference's interleave where both mark one x */
  markerDash: '2 4',
  markerOffset: { student: 0, reference: 3 },
  /** a white outline behind labels drawn over lines */
  halo: { stroke: '#ffffff', 'stroke-width': 4, 'paint-order': 'stroke', 'stroke-linejoin': 'round' },
  on: '#2563eb',
  off: '#f3f4f6',
  mismatch: '#dc2626',
} as const;

export type Role = 'student' | 'reference';
