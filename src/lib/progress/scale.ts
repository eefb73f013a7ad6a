// The scale the trend is fitted on: the value itself, or the logit of its share of a natural bound.
import { LOGIT_EPSILON } from './constants';

export type Scale = {
  name: 'linear' | 'logit';
  forward: (value: number) => number;
  inverse: (z: number) => number;
};

export const linearScale: Scale = { name: 'linear', forward: (v) => v, inverse: (z) => z };

/**
 * z = logit(p) = ln(p / (1 - p)) with p = value / upperBound clamped to [ε, 1 - ε];
 * inverse: upperBound / (1 + e^-z). A straight line in z is an S-curve in value that never passes the bound.
 */
export function logitScale(upperBound: number): Scale {
  if (!(Number.isFinite(upperBound) && upperBound > 0)) throw new Error(`invalid upperBound: ${upperBound}`);
  return {
    name: 'logit',
    forward(value) {
      if (value < 0 || value > upperBound) throw new Error(`invalid bounded value: ${value} (outside 0..${upperBound})`);
      const p = Math.min(1 - LOGIT_EPSILON, Math.max(LOGIT_EPSILON, value / upperBound));
      return Math.log(p / (1 - p));
    },
    inverse: (z) => upperBound / (1 + Math.exp(-z))
  };
}

export function scaleFor(upperBound: number | null): Scale {
  return upperBound === null ? linearScale : logitScale(upperBound);
}
