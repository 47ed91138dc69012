// Number formats of the sale dashboard (dashes for figures not measured yet).
export const seconds = (value: number | null) => (value === null ? '—' : `${value.toFixed(1)} s`);

export const percent = (ratio: number | null) =>
  ratio === null ? '—' : `${(ratio * 100).toFixed(ratio < 0.1 && ratio > 0 ? 1 : 0)} %`;

export const perSecond = (value: number) => `${value.toFixed(1)}/s`;
