import type { CaseStatus } from '../../api/types';

/** A pin's colour by status; the legend names each in words (colour is never the only cue). */
export const STATUS_COLOURS: Record<CaseStatus, string> = {
  new: '#1a56db',
  assigned: '#7b3fb5',
  in_progress: '#d97706',
  forwarded: '#0f8a80',
  resolved: '#2e7d32',
  rejected: '#c62828',
  merged: '#6b7280',
};

/** Five steps from pale to deep for neighbourhood shading. */
export const SHADES = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'];

/** The step of a count against the largest: 0 only for none. */
export function shadeStep(count: number, max: number): number {
  if (count <= 0 || max <= 0) {
    return 0;
  }
  return Math.min(SHADES.length - 1, 1 + Math.floor(((count - 1) / max) * (SHADES.length - 1)));
}
