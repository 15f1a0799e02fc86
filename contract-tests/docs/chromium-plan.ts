// Decides what the docs tests need before they can open a browser: nothing, an install, or a person.
export const chromiumPath = '/usr/bin/chromium';

export type ChromiumPlan =
  | { action: 'ok' }
  | { action: 'install'; commands: string[][] }
  | { action: 'instruct'; message: string };

export interface ChromiumHost {
  chromiumExists: boolean;
  isRoot: boolean;
  hasAptGet: boolean;
}

export const planChromium = (host: ChromiumHost): ChromiumPlan => {
  if (host.chromiumExists) return { action: 'ok' };
  if (host.isRoot && host.hasAptGet) {
    return { action: 'install', commands: [['apt-get', 'update'], ['apt-get', 'install', '-y', 'chromium']] };
  }
  return {
    action: 'instruct',
    message: `The docs tests need Chromium at ${chromiumPath}: run \`sudo apt-get update && sudo apt-get install -y chromium\` (Debian/Ubuntu), then run the tests again.`,
  };
};
