// Contract versions are plain MAJOR.MINOR.PATCH; pre-release tags are refused so that "latest" is unambiguous.
export type Version = readonly [major: number, minor: number, patch: number];

const pattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

export const parseVersion = (text: string): Version | undefined => {
  const match = pattern.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
};

export const isVersion = (text: string): boolean => parseVersion(text) !== undefined;

/** Negative when a < b, zero when equal, positive when a > b. Both must be valid versions. */
export const compareVersions = (a: string, b: string): number => {
  const [x, y] = [mustParse(a), mustParse(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

export const majorOf = (text: string): number => mustParse(text)[0];

const mustParse = (text: string): Version => {
  const version = parseVersion(text);
  if (!version) throw new Error(`"${text}" is not a MAJOR.MINOR.PATCH version`);
  return version;
};
